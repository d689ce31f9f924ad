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

const struct jr_policy *jr_policy_set_find(const struct jr_policy_set *s, const char *code)
{
	return jr_region_find(s, code);
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
	for (size_t i = 0; i < p->municipality_count; i++) {
		const struct jr_policy *other = jr_policy_set_find(s, p->municipalities[i].code);
		if (other) {
			snprintf(diag->path, sizeof(diag->path), "$.municipalities[%zu].code", i);
			snprintf(diag->message, sizeof(diag->message),
				 "gemeente %s hoort al bij regio %s; een gemeente hoort bij één "
				 "regio",
				 p->municipalities[i].code, other->name);
			err = JR_ERR_POLICY;
			goto out;
		}
	}
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
