/* cmd_serve: `jeugdroute serve` — the HTTP API and the browser UI (src/http/). */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/session.h"
#include "http/server.h"

const char jr_usage_serve[] =
	"Gebruik: jeugdroute serve [--listen ADRES:POORT] [--threads N] [--db URL] [--key BESTAND]\n"
	"                          [--audit-key BESTAND] [--audit-checkpoints BESTAND]\n"
	"                          [--policy-dir MAP] [--web-dir MAP]\n"
	"                          [--metrics-listen ADRES:POORT] [--secure-cookies ja]\n"
	"                          [--trusted-proxy ADRES] [--max-connections-per-address N]\n"
	"                          [--request-timeout SECONDEN]\n"
	"                          [--second-factor verplicht|vrijwillig]\n"
	"\n"
	"Start de server: de JSON-API onder /api/v1/ (beschreven in /api/v1/openapi.json), de\n"
	"webtoepassing en /healthz. Standaard luistert hij op 127.0.0.1:8080 met één werkdraad per\n"
	"processorkern (minstens 2), elk met een eigen databaseverbinding. Stoppen: Ctrl-C of\n"
	"SIGTERM; lopende aanvragen maken eerst af. Het einde van het auditlog wordt ondertekend\n"
	"bij de start, elke paar seconden dat er iets gebeurt en bij het stoppen (zie jeugdroute\n"
	"audit --help).\n"
	"\n"
	"--metrics-listen ADRES:POORT  /metrics (Prometheus) op een eigen adres, bijv. een intern\n"
	"                              adres voor de monitoring; zonder deze optie geen /metrics.\n"
	"--secure-cookies ja           het sessiekoekje alleen over HTTPS (achter een TLS-proxy).\n"
	"--trusted-proxy ADRES         het adres van de eigen reverse proxy: van hem gelden\n"
	"                              X-Forwarded-For (het adres van de cliënt) en\n"
	"                              X-Forwarded-Proto (https maakt het koekje Secure).\n"
	"--max-connections-per-address N  verbindingen per cliëntadres (standaard 256).\n"
	"--request-timeout SECONDEN    binnen zoveel seconden moet de kop van een aanvraag binnen\n"
	"                              zijn, binnen het dubbele de inhoud (standaard 30); wie\n"
	"                              trager is, wordt afgesloten.\n"
	"--second-factor verplicht     wie persoonsgegevens ziet (consulent, verwijzer, gi,\n"
	"                              provider) en de beheerder moeten eerst een tweede factor\n"
	"                              (TOTP) instellen; standaard vrijwillig. Wie er een heeft,\n"
	"                              geeft altijd een code na het wachtwoord.\n"
	"\n"
	"--listen 127.0.0.1:0 kiest een vrije poort; --ready-file BESTAND schrijft het adres daarin\n"
	"zodra de server luistert, en op een tweede regel dat van /metrics (voor scripts en tests).\n"
	"\n"
	"Afsluitcode: 0 netjes gestopt; 1 database, adres of interne fout; 2 ongeldige aanroep.\n";

/* "host:port" into its parts; -1 when it is not that. */
static int parse_listen(const char *s, char *host, size_t cap, unsigned *port)
{
	const char *colon = strrchr(s, ':');
	long long p;

	if (!colon || colon == s || (size_t)(colon - s) >= cap ||
	    jr_cli_number(colon + 1, 0, 65535, &p))
		return -1;
	memcpy(host, s, (size_t)(colon - s));
	host[colon - s] = '\0';
	*port = (unsigned)p;
	return 0;
}

int jr_cmd_serve(const struct jr_cli_command *self, int argc, char **argv)
{
	static const char *const allowed[] = {"listen",         "threads",
					      "web-dir",        "ready-file",
					      "metrics-listen", "secure-cookies",
					      "trusted-proxy",  "max-connections-per-address",
					      "request-timeout", "second-factor", NULL};
	struct jr_args h = {.command = "serve"};
	struct jr_cli_session s;
	struct jr_server_config cfg = {0};
	const char *listen, *threads, *metrics, *secure, *proxy, *per_address, *timeout, *factor;
	char host[64], metrics_host[64], errmsg[512];
	unsigned char bin[16];
	unsigned port = 8080, metrics_port = 0;
	long long n = 0, limit = 0, seconds = 0;
	enum jr_err err;
	int status;

	jr_cli_session_init(&s, self, &h.db);
	if ((status = jr_args_parse(argc, argv, 1, &h)) || (status = jr_args_only(&h, "", allowed)))
		goto out;
	if (h.id) {
		jr_cli_error("serve: een argument te veel; zie jeugdroute serve --help");
		status = 2;
		goto out;
	}
	snprintf(host, sizeof(host), "127.0.0.1");
	listen = jr_args_get(&h, "listen");
	if (listen && parse_listen(listen, host, sizeof(host), &port)) {
		status = jr_cli_field_error("serve", "listen", "verwacht ADRES:POORT, bijv. 127.0.0.1:8080");
		goto out;
	}
	threads = jr_args_get(&h, "threads");
	if (threads && jr_cli_number(threads, 2, 256, &n)) {
		status = jr_cli_field_error("serve", "threads", "verwacht een aantal van 2 tot 256");
		goto out;
	}
	metrics = jr_args_get(&h, "metrics-listen");
	if (metrics && parse_listen(metrics, metrics_host, sizeof(metrics_host), &metrics_port)) {
		status = jr_cli_field_error("serve", "metrics-listen",
					    "verwacht ADRES:POORT, bijv. 127.0.0.1:9090");
		goto out;
	}
	secure = jr_args_get(&h, "secure-cookies");
	if (secure && strcmp(secure, "ja") != 0 && strcmp(secure, "nee") != 0) {
		status = jr_cli_field_error("serve", "secure-cookies", "verwacht ja of nee");
		goto out;
	}
	factor = jr_args_get(&h, "second-factor");
	if (factor && strcmp(factor, "verplicht") != 0 && strcmp(factor, "vrijwillig") != 0) {
		status = jr_cli_field_error("serve", "second-factor", "verwacht verplicht of vrijwillig");
		goto out;
	}
	proxy = jr_args_get(&h, "trusted-proxy");
	if (proxy && inet_pton(AF_INET, proxy, bin) != 1 && inet_pton(AF_INET6, proxy, bin) != 1) {
		status = jr_cli_field_error("serve", "trusted-proxy",
					    "verwacht het IP-adres van de proxy, bijv. 127.0.0.1");
		goto out;
	}
	per_address = jr_args_get(&h, "max-connections-per-address");
	if (per_address && jr_cli_number(per_address, 1, 2048, &limit)) {
		status = jr_cli_field_error("serve", "max-connections-per-address",
					    "verwacht een aantal van 1 tot 2048");
		goto out;
	}
	timeout = jr_args_get(&h, "request-timeout");
	if (timeout && jr_cli_number(timeout, 1, 3600, &seconds)) {
		status = jr_cli_field_error("serve", "request-timeout",
					    "verwacht een aantal seconden van 1 tot 3600");
		goto out;
	}
	/* the policies only (the table's flags): the server opens its records itself */
	if ((status = jr_cli_session_open(&s)))
		goto out;
	cfg.request_timeout = (unsigned)seconds;
	if (metrics) {
		cfg.metrics_host = metrics_host;
		cfg.metrics_port = (uint16_t)metrics_port;
	}
	cfg.secure_cookies = secure && strcmp(secure, "ja") == 0;
	cfg.second_factor_required = factor && strcmp(factor, "verplicht") == 0;
	cfg.trusted_proxy = proxy;
	cfg.per_address = (unsigned)limit;
	cfg.listen_host = host;
	cfg.port = (uint16_t)port;
	cfg.db_url = h.db.db;
	cfg.key_file = h.db.key;
	cfg.audit_key_file = h.db.audit_key;
	cfg.checkpoint_file = h.db.checkpoints;
	cfg.policies = &s.policies;
	cfg.web_dir = jr_args_get(&h, "web-dir") ? jr_args_get(&h, "web-dir") : JR_DEFAULT_WEB_DIR;
	cfg.ready_file = jr_args_get(&h, "ready-file");
	if (n) {
		cfg.threads = (unsigned)n;
	} else {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);
		cfg.threads = cores < 2 ? 2 : cores > 16 ? 16 : (unsigned)cores;
	}
	err = jr_server_run(&cfg, errmsg, sizeof(errmsg));
	if (err) {
		jr_cli_error("serve: %s", errmsg);
		status = err == JR_ERR_INPUT ? 2 : 1;
	}
out:
	jr_cli_session_close(&s);
	return status;
}
