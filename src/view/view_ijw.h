/* view_ijw: the one rendering of what became of an iJw message (app/ijw.h) as JSON — the
 * problems of a message, the command line's line per file, the API's answer to a message, and
 * the lists of messages written — on the JSON writer, which escapes every string. */
#ifndef JR_VIEW_VIEW_IJW_H
#define JR_VIEW_VIEW_IJW_H

#include <stdbool.h>
#include <stddef.h>

#include "app/ijw.h"
#include "core/buf.h"
#include "core/err.h"
#include "json/json_writer.h"

/* "problems": the structural problem ([{"rule","code":null,"path","line","message"}]), or every
 * finding ([{"rule","code","at","index","line","message"}]; at is header, message — the
 * message's own class: a claim's Declaratie, a JW317's Verzoek, a JW319's Antwoord —, client,
 * line, or in a JW301 relation or contact; index counts clients, lines, relations or contacts
 * from 1, and only for those) — the one shape of the command line and the API. */
void jr_view_ijw_problems_member(struct jr_json_writer *w, const struct jr_ijw_outcome *o);

/* `jeugdroute ijw validate`: {"file","bericht","valid"[,"problems"][,"answer"]} and a newline,
 * appended to `out`. "problems" when there are any; "answer" (the path of the return message
 * written, or null) with `with_answer`. */
enum jr_err jr_view_ijw_validate_line(struct jr_buf *out, const char *file,
				      const struct jr_ijw_outcome *o, bool valid,
				      bool with_answer, const char *answer_path);

/* `jeugdroute ijw import`: {"file","bericht","valid","accepted","lines","lines_rejected",
 * "problems","answer"[,"refusals"]} and a newline, appended to `out`: the answer's path (or
 * null), and the paths in `dir` of the JW319s sent beside it. */
enum jr_err jr_view_ijw_import_line(struct jr_buf *out, const char *file,
				    const struct jr_ijw_outcome *o, const char *answer_path,
				    const char *dir);

/* POST /api/v1/ijw/messages: {"bericht","valid","accepted","lines","lines_rejected","problems",
 * "answer":{"bericht","xml"}|null[,"refusals":[{"bericht","reden","gemeente","name","xml"}]]}
 * and a newline, appended to `out`. */
enum jr_err jr_view_ijw_message(struct jr_buf *out, const struct jr_ijw_outcome *o);

/* A message written by an export or an answer: {"file","bericht"} and a newline (the command
 * line), appended to `out`; the kind is the name's first five letters. */
enum jr_err jr_view_ijw_file_line(struct jr_buf *out, const char *path, const char *name);

/* GET /api/v1/ijw/allocations, in three steps around the export that produces it:
 * {"items":[ … {"name","bericht","xml"} … ],"count","skipped","skipped_why"}. `w` writes to the
 * response's buffer across the three; jr_view_ijw_download_end returns the writer's error. */
void jr_view_ijw_download_begin(struct jr_json_writer *w, struct jr_buf *out);
void jr_view_ijw_download_item(struct jr_json_writer *w, const char *name, const char *xml);
enum jr_err jr_view_ijw_download_end(struct jr_json_writer *w, size_t count, size_t skipped,
				     const char *why);

#endif
