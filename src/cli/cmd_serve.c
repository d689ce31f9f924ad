/* cmd_serve: `jeugdroute serve` — the HTTP API and the browser UI (src/http/). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "http/server.h"
#include "json/policy_set.h"

static const char usage[] =
	"Gebruik: jeugdroute serve [--listen ADRES:POORT] [--threads N] [--db URL] [--key BESTAND]\n"
	"                          [--audit-key BESTAND] [--audit-checkpoints BESTAND]\n"
	"                          [--policy-dir MAP] [--web-dir MAP]\n"
	"\n"
	"Start de server: de JSON-API onder /api/v1/ (beschreven in /api/v1/openapi.json), de\n"
	"webtoepassing, /healthz en /metrics. Standaard luistert hij op 127.0.0.1:8080 met één\n"
	"werkdraad per processorkern (minstens 2), elk met een eigen databaseverbinding. Stoppen:\n"
	"Ctrl-C of SIGTERM; lopende aanvragen maken eerst af. Het einde van het auditlog wordt\n"
	"ondertekend bij de start, elke paar seconden dat er iets gebeurt en bij het stoppen\n"
	"(zie jeugdroute audit --help).\n"
	"\n"
	"--listen 127.0.0.1:0 kiest een vrije poort; --ready-file BESTAND schrijft het adres daarin\n"
	"zodra de server luistert (voor scripts en tests).\n"
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

int jr_cmd_serve(int argc, char **argv)
{
	static const char *const allowed[] = {"listen", "threads", "web-dir", "ready-file", NULL};
	struct jr_args h = {.command = "serve"};
	struct jr_policy_set set;
	struct jr_server_config cfg = {0};
	const char *listen, *threads;
	char host[64], errmsg[512];
	unsigned port = 8080;
	long long n = 0;
	enum jr_err err;
	int status;

	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(usage, stdout);
			return 0;
		}
	jr_policy_set_init(&set);
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
	if ((status = jr_cli_load_policies(&h.db, &set)))
		goto out;
	cfg.listen_host = host;
	cfg.port = (uint16_t)port;
	cfg.db_url = h.db.db;
	cfg.key_file = h.db.key;
	cfg.audit_key_file = h.db.audit_key;
	cfg.checkpoint_file = h.db.checkpoints;
	cfg.policies = &set;
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
	jr_policy_set_release(&set);
	return status;
}
