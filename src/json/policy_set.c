/* policy_set: loading all regions from a directory and finding a municipality's region. */
#include "json/policy_set.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "json/policy_json.h"

void jr_policy_set_init(struct jr_policy_set *s)
{
	memset(s, 0, sizeof(*s));
}

void jr_policy_set_release(struct jr_policy_set *s)
{
	for (size_t i = 0; i < s->count; i++)
		JR_FREE(s->policies[i]);
	s->count = 0;
}

const struct jr_policy *jr_policy_set_find(const struct jr_policy_set *s, const char *code,
					   jr_day day)
{
	return jr_region_find(s, code, day);
}

static bool periods_overlap(const struct jr_policy *a, const struct jr_policy *b)
{
	return a->valid_from <= b->valid_until && b->valid_from <= a->valid_until;
}

/* Principle 11: on any day a region has one version, and a municipality one region. */
static enum jr_err check_versions(const struct jr_policy_set *s, const struct jr_policy *p,
				  struct jr_diag *diag)
{
	char mine[80], theirs[80];

	for (size_t j = 0; j < s->count; j++) {
		const struct jr_policy *q = s->policies[j];
		if (!periods_overlap(p, q))
			continue;
		jr_policy_describe_period(p, mine, sizeof(mine));
		jr_policy_describe_period(q, theirs, sizeof(theirs));
		if (strcmp(q->id, p->id) == 0) {
			jr_diag_set(diag, "$.valid_from",
				 "de perioden van twee versies van regio %s overlappen: dit bestand "
				 "(%s) en %s (%s); geef de versies aansluitende perioden met "
				 "valid_from en valid_until",
				 p->name, mine, s->files[j], theirs);
			return JR_ERR_POLICY;
		}
		for (size_t i = 0; i < p->municipality_count; i++) {
			if (!jr_policy_municipality(q, p->municipalities[i].code))
				continue;
			char path[48];
			snprintf(path, sizeof(path), "$.municipalities[%zu].code", i);
			jr_diag_set(diag, path,
				 "gemeente %s hoort in dezelfde periode al bij regio %s (%s, %s); een "
				 "gemeente hoort op elke dag bij één regio",
				 p->municipalities[i].code, q->name, s->files[j], theirs);
			return JR_ERR_POLICY;
		}
	}
	return JR_OK;
}

enum jr_err jr_policy_set_add_file(struct jr_policy_set *s, const char *filename,
				   struct jr_diag *diag, const char **bad_file)
{
	struct jr_policy *p = NULL;
	enum jr_err err;

	*bad_file = filename;
	if (s->count >= JR_POLICY_SET_MAX) {
		snprintf(diag->path, sizeof(diag->path), "$");
		snprintf(diag->message, sizeof(diag->message), "meer dan %d beleidsbestanden",
			 JR_POLICY_SET_MAX);
		return JR_ERR_TOO_BIG;
	}
	p = jr_malloc(sizeof(*p));
	if (!p)
		return JR_ERR_NOMEM;
	err = jr_policy_load_file(filename, p, diag);
	if (err)
		goto out;
	if ((err = check_versions(s, p, diag)))
		goto out;
	snprintf(s->files[s->count], sizeof(s->files[0]), "%s", filename);
	s->policies[s->count++] = p;
	p = NULL;
out:
	jr_free(p);
	return err;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

enum jr_err jr_policy_set_load_dir(struct jr_policy_set *s, const char *dir,
				   struct jr_diag *diag, char *bad_file, size_t bad_file_size)
{
	char *names[JR_POLICY_SET_MAX];
	size_t count = 0;
	DIR *d = opendir(dir);
	struct dirent *e;
	enum jr_err err = JR_OK;

	snprintf(bad_file, bad_file_size, "%s", dir);
	snprintf(diag->path, sizeof(diag->path), "$");
	if (!d) {
		snprintf(diag->message, sizeof(diag->message), "map kan niet gelezen worden: %s",
			 strerror(errno));
		return JR_ERR_IO;
	}
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0 || e->d_name[0] == '.')
			continue;
		if (count >= JR_POLICY_SET_MAX) {
			snprintf(diag->message, sizeof(diag->message),
				 "meer dan %d beleidsbestanden", JR_POLICY_SET_MAX);
			err = JR_ERR_TOO_BIG;
			goto out;
		}
		names[count] = jr_malloc(strlen(dir) + len + 2);
		if (!names[count]) {
			err = JR_ERR_NOMEM;
			goto out;
		}
		snprintf(names[count], strlen(dir) + len + 2, "%s/%s", dir, e->d_name);
		count++;
	}
	if (count == 0) {
		snprintf(diag->message, sizeof(diag->message),
			 "geen beleidsbestanden (*.json) in deze map");
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	qsort(names, count, sizeof(names[0]), compare_names);
	for (size_t i = 0; i < count; i++) {
		const char *bad;
		err = jr_policy_set_add_file(s, names[i], diag, &bad);
		if (err) {
			snprintf(bad_file, bad_file_size, "%s", bad);
			goto out;
		}
	}
out:
	for (size_t i = 0; i < count; i++)
		jr_free(names[i]);
	closedir(d);
	return err;
}
