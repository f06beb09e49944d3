/*
** Internal interface between the article formats (ext/article.c,
** ext/format_*.c, ext/clean.c, ext/html_*.c). Not used by the SQL layer.
**
** Every format parser receives clean input: valid UTF-8, no NUL, no BOM,
** "\n" line ends (article.c prepares it), and fills the fields of an
** nd_article it may leave NULL. article.c then tidies paragraphs, converts
** strings to NFC and counts words. Parsers return 0, or -1 on OOM.
*/
#ifndef ND_FORMATS_H
#define ND_FORMATS_H
#include <stddef.h>

#include "nd_alloc.h"
#include "nd_article.h"

int nd_parse_text(nd_article *a, const char *s, size_t n);
int nd_parse_markdown(nd_article *a, const char *s, size_t n);
int nd_parse_html(nd_article *a, const char *s, size_t n);
int nd_parse_json(nd_article *a, const char *s, size_t n);

/* Main text of an HTML document or fragment, paragraphs split by "\n\n"
** (not yet passed through nd_clean_text). NULL on OOM. */
char *nd_html_body_text(const char *s, size_t n);
/* Text of an HTML fragment with tags removed and entities decoded, white
** space collapsed to single spaces (titles, JSON fields). NULL on OOM. */
char *nd_html_inline_text(const char *s, size_t n);

/* Fields of the first Article-like object (@type ...Article, BlogPosting,
** Report...) in a JSON-LD script, also inside @graph or arrays: headline,
** datePublished, author names, url, inLanguage; *body gets articleBody
** (nd_malloc'ed) or NULL. Malformed JSON leaves everything NULL. -1 on OOM. */
int nd_jsonld_article(const char *s, size_t n, nd_article *ld, char **body);

/* Decode the character reference starting at s[0] == '&'. Writes UTF-8 to
** out (room for 8 bytes) and its length to *out_len; returns the bytes
** consumed, or 0 when s does not start a known reference. */
size_t nd_html_entity(const char *s, size_t n, char *out, size_t *out_len);

/* The HTML5 named references, sorted by name in byte order
** (ext/html_entities.c, generated). */
typedef struct nd_entity_ref {
  const char *name; /* "amp;" or, for legacy references, "amp" */
  const char *utf8; /* the replacement text */
} nd_entity_ref;
extern const nd_entity_ref nd_html_entities[];
extern const size_t nd_html_entity_count;

/* Publication date in any common notation (ISO-8601, RFC 822, "March 17,
** 2023", "17.03.2023", Unix seconds) -> nd_malloc'ed ISO-8601 in *out, or
** *out = NULL when not a date. Returns -1 on OOM. */
int nd_iso_date(const char *s, size_t n, char **out);

/* Plain-text article: headline, byline and body from scraped text.
** Fills a->title, a->byline (when found) and a->text (cleaned). */
int nd_text_article(nd_article *a, const char *s, size_t n, int want_title);

/* Byline and publication date from the first lines of a body, for the
** fields still NULL: "By Jane Doe | March 17, 2023", "Posted on ... by
** ...", "Valladolid, 21 de abril de 2023", a date line. -1 on OOM. */
int nd_text_meta_lines(nd_article *a, const char *s, size_t n);

/* A byline line ("By Jane Doe", "Écrit par X", "Publisher: X"): returns
** the name's span inside line, or 0 when the line is not a byline. */
int nd_byline_name(const char *line, size_t n, size_t *name_off, size_t *name_len);

/* Length of a separator of a meta line at s[i] ("|", "·", "•", "—", "–",
** " - "), or 0. */
size_t nd_meta_separator(const char *s, size_t n, size_t i);

/* A job title alone on a line: "Staff reporter", "Health Reporter". */
int nd_role_line(const char *s, size_t n);

/* A byline without "By": a person's name alone on one line ("Karen Pike")
** over a job title on the next ("Health Reporter", "Rédactrice"). */
int nd_name_over_role(const char *name, size_t n, const char *role, size_t rn);

/* 1 when one line (trimmed) is web furniture by vocabulary or shape alone
** (the rules of nd_clean_text that do not depend on position). */
int nd_furniture_line(const char *s, size_t n);

/* 1 when a line key (nd_line_key) is a date or time header: every word a
** month, weekday, date word ("published", "updated", "ago") or number,
** with a number: "friday march 1 2024", "publié le 12 avril 2024 à 10h30". */
int nd_dateline(const char *key);

/* Comparison key of a line: lower case, letters and digits only, single
** spaces, typographic quotes folded. Writes at most cap-1 bytes + NUL.
** Returns the key length. */
size_t nd_line_key(const char *s, size_t n, char *out, size_t cap);

/* Language: "en-US", "en_US", "EN" -> "en" (the primary subtag, lower
** case); other values are kept as written. Leaves a set a->lang alone. */
int nd_set_lang(nd_article *a, const char *v, size_t n);

/* Plain-text body layout, replacing *text (nd_malloc'ed): each line its
** own paragraph, or, when the text is hard wrapped, the lines of a block
** joined by spaces. -1 on OOM (*text unchanged). */
int nd_text_paragraphs(char **text);

/* Body layout, in place: trailing white space cut from every line, runs
** of blank lines become one blank line, leading/trailing blank lines go. */
void nd_tidy_paragraphs(char *s);

/* Set *field to an nd_malloc'ed copy of s[0..n) with white space trimmed,
** unless it is already set or the trimmed text is empty. -1 on OOM. */
int nd_set_field(char **field, const char *s, size_t n);

#endif
