/* view_ijw: what became of an iJw message, as JSON (view_ijw.h). */
#include "view/view_ijw.h"

#include <stdio.h>
#include <string.h>

/* The `at` of a finding: the name of its place in the message. */
static const char *place_name(size_t at)
{
	const char *label;
	const char *name = jr_app_ijw_place_at(at, &label);

	return name ? name : "message";
}

void jr_view_ijw_problems_member(struct jr_json_writer *w, const struct jr_ijw_outcome *o)
{
	const struct jr_ijw_problem *p = &o->problem;

	jr_jw_key(w, "problems");
	jr_jw_array(w);
	if (p->rule[0]) {
		jr_jw_object(w);
		jr_jw_kstring(w, "rule", p->rule);
		jr_jw_key(w, "code");
		jr_jw_null(w);
		jr_jw_kstring(w, "path", p->path[0] ? p->path : NULL);
		jr_jw_key(w, "line");
		if (p->line > 0)
			jr_jw_int(w, p->line);
		else
			jr_jw_null(w);
		jr_jw_kstring(w, "message", p->message);
		jr_jw_end(w);
	} else {
		for (size_t i = 0; i < o->findings.count; i++) {
			const struct jr_ijw_finding *f = &o->findings.items[i];
			jr_jw_object(w);
			jr_jw_kstring(w, "rule", f->rule);
			jr_jw_kstring(w, "code", f->code);
			jr_jw_kstring(w, "at", place_name((size_t)f->at));
			if (f->at >= JR_IJW_AT_CLIENT)
				jr_jw_kint(w, "index", (int64_t)f->index + 1);
			jr_jw_key(w, "line");
			if (f->line > 0)
				jr_jw_int(w, f->line);
			else
				jr_jw_null(w);
			jr_jw_kstring(w, "message", f->message);
			jr_jw_end(w);
		}
	}
	jr_jw_end(w);
}

/* "bericht": the kind's code, or null when the message was not recognised. */
static void kind_member(struct jr_json_writer *w, const char *key, enum jr_ijw_message kind)
{
	jr_jw_kstring(w, key, kind != JR_IJW_UNKNOWN ? jr_app_ijw_kind_name(kind) : NULL);
}

/* "valid","accepted","lines","lines_rejected","problems": the verdict on a message taken in. */
static void verdict_members(struct jr_json_writer *w, const struct jr_ijw_outcome *o)
{
	jr_jw_kbool(w, "valid", o->valid && !o->problem.rule[0]);
	jr_jw_kbool(w, "accepted", o->accepted);
	jr_jw_kint(w, "lines", (int64_t)o->lines);
	jr_jw_kint(w, "lines_rejected", (int64_t)o->lines_rejected);
	jr_view_ijw_problems_member(w, o);
}

/* Ends the line's object, checks the writer and adds the newline. */
static enum jr_err end_line(struct jr_json_writer *w, struct jr_buf *out)
{
	enum jr_err err;

	jr_jw_end(w);
	err = jr_jw_finish(w);
	return err ? err : jr_buf_putc(out, '\n');
}

enum jr_err jr_view_ijw_validate_line(struct jr_buf *out, const char *file,
				      const struct jr_ijw_outcome *o, bool valid,
				      bool with_answer, const char *answer_path)
{
	struct jr_json_writer w;

	jr_jw_init(&w, out);
	jr_jw_object(&w);
	jr_jw_kstring(&w, "file", file);
	kind_member(&w, "bericht", o->kind);
	jr_jw_kbool(&w, "valid", valid);
	if (o->problem.rule[0] || o->findings.count)
		jr_view_ijw_problems_member(&w, o);
	if (with_answer)
		jr_jw_kstring(&w, "answer", answer_path && answer_path[0] ? answer_path : NULL);
	return end_line(&w, out);
}

enum jr_err jr_view_ijw_import_line(struct jr_buf *out, const char *file,
				    const struct jr_ijw_outcome *o, const char *answer_path,
				    const char *dir)
{
	struct jr_json_writer w;
	char path[4096];
	const char *at = o->refusals.data;

	jr_jw_init(&w, out);
	jr_jw_object(&w);
	jr_jw_kstring(&w, "file", file);
	kind_member(&w, "bericht", o->kind);
	verdict_members(&w, o);
	jr_jw_kstring(&w, "answer", answer_path && answer_path[0] ? answer_path : NULL);
	if (o->refusal_count) {
		/* the refusals: "name NUL xml NUL", one after another */
		jr_jw_key(&w, "refusals");
		jr_jw_array(&w);
		for (size_t i = 0; i < o->refusal_count; i++) {
			snprintf(path, sizeof(path), "%s/%s", dir, at);
			jr_jw_string(&w, path);
			at += strlen(at) + 1;
			at += strlen(at) + 1;
		}
		jr_jw_end(&w);
	}
	return end_line(&w, out);
}

enum jr_err jr_view_ijw_message(struct jr_buf *out, const struct jr_ijw_outcome *o)
{
	struct jr_json_writer w;
	const char *at = o->refusals.data;

	jr_jw_init(&w, out);
	jr_jw_object(&w);
	kind_member(&w, "bericht", o->kind);
	verdict_members(&w, o);
	jr_jw_key(&w, "answer");
	if (o->answer.len) {
		jr_jw_object(&w);
		kind_member(&w, "bericht", o->answer_kind);
		jr_jw_kstring(&w, "xml", jr_buf_str(&o->answer));
		jr_jw_end(&w);
	} else {
		jr_jw_null(&w);
	}
	if (o->refusal_count) {
		jr_jw_key(&w, "refusals");
		jr_jw_array(&w);
		for (size_t i = 0; i < o->refusal_count; i++) {
			const char *xml = at + strlen(at) + 1;
			jr_jw_object(&w);
			jr_jw_kstring(&w, "bericht", "JW319");
			jr_jw_kstring(&w, "reden", "8");
			jr_jw_kstring(&w, "gemeente", o->responsible);
			jr_jw_kstring(&w, "name", at);
			jr_jw_kstring(&w, "xml", xml);
			jr_jw_end(&w);
			at = xml + strlen(xml) + 1;
		}
		jr_jw_end(&w);
	}
	return end_line(&w, out);
}

enum jr_err jr_view_ijw_file_line(struct jr_buf *out, const char *path, const char *name)
{
	struct jr_json_writer w;
	char kind[6];

	snprintf(kind, sizeof(kind), "%.5s", name);
	jr_jw_init(&w, out);
	jr_jw_object(&w);
	jr_jw_kstring(&w, "file", path);
	jr_jw_kstring(&w, "bericht", kind);
	return end_line(&w, out);
}

void jr_view_ijw_download_begin(struct jr_json_writer *w, struct jr_buf *out)
{
	jr_jw_init(w, out);
	jr_jw_object(w);
	jr_jw_key(w, "items");
	jr_jw_array(w);
}

void jr_view_ijw_download_item(struct jr_json_writer *w, const char *name, const char *xml)
{
	char kind[6];

	snprintf(kind, sizeof(kind), "%.5s", name);
	jr_jw_object(w);
	jr_jw_kstring(w, "name", name);
	jr_jw_kstring(w, "bericht", kind);
	jr_jw_kstring(w, "xml", xml);
	jr_jw_end(w);
}

enum jr_err jr_view_ijw_download_end(struct jr_json_writer *w, size_t count, size_t skipped,
				     const char *why)
{
	jr_jw_end(w);
	jr_jw_kint(w, "count", (int64_t)count);
	jr_jw_kint(w, "skipped", (int64_t)skipped);
	jr_jw_kstring(w, "skipped_why", why);
	return end_line(w, w->out);
}
