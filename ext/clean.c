/*
** Boilerplate removal for article bodies (nd_clean_text) and the line
** tests the text format shares (bylines, line keys, date lines).
**
** Scraped pages leave web furniture among the paragraphs: "See also" and
** "READ MORE" teasers, "- Advertisement -", share and subscribe prompts,
** comment forms, cookie notices, photo credits, breadcrumbs, "Source link",
** tag lists. The rules are general, never tied to one site:
**   - vocabulary: whole-line labels and line prefixes in en, fr, es, de, it,
**     pt and ru, matched case-insensitively on a key of letters and digits;
**   - line shape: short, no sentence punctuation, glued duplicate captions,
**     photo credits in capitals or parentheses, breadcrumb separators;
**   - position: bylines and "Source: X" only near the start or the end, and
**     short unpunctuated lines trailing after the last sentence.
** A line that reads as a sentence (long, ending in punctuation) is kept
** unless a strong rule (comment form, cookie notice) says otherwise.
**
** Work is linear: every line is examined a bounded number of times.
*/
#include <string.h>
#include <utf8proc.h>

#include "nd_alloc.h"
#include "nd_article.h"
#include "nd_formats.h"
#include "nd_utf8.h"

/* ---- Characters ------------------------------------------------------ */

static size_t next_cp(const char *s, size_t n, size_t i, int32_t *cp) {
  unsigned char c = (unsigned char)s[i];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  return nd_utf8_decode((const unsigned char *)s + i, n - i, cp);
}

static int is_alnum_cp(int32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z');
  utf8proc_category_t c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
         (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

static int is_space_cp(int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x2007 || cp == 0x202F ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x3000 || cp == 0xFEFF;
}

size_t nd_line_key(const char *s, size_t n, char *out, size_t cap) {
  size_t o = 0;
  int space = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { /* ASCII without a table lookup */
      i++;
      int alnum = (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
      if (!alnum) {
        space = 1;
        continue;
      }
      if (space && o > 0) {
        if (o + 1 >= cap) break;
        out[o++] = ' ';
      }
      space = 0;
      if (o + 1 >= cap) break;
      out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      continue;
    }
    int32_t cp;
    i += next_cp(s, n, i, &cp);
    if (is_alnum_cp(cp)) {
      char enc[4];
      size_t k = nd_utf8_encode(utf8proc_tolower(cp), enc);
      if (space && o > 0) {
        if (o + 1 >= cap) break;
        out[o++] = ' ';
      }
      space = 0;
      if (o + k >= cap) break;
      memcpy(out + o, enc, k);
      o += k;
    } else {
      space = 1;
    }
  }
  if (cap) out[o] = 0;
  return o;
}

/* Words in a line (runs of letters and digits). */
static int word_count(const char *s, size_t n) {
  long long w = nd_count_words(s, n);
  return w > 1000 ? 1000 : (int)w;
}

/* Last visible character of the line is sentence-final punctuation or a
** closing quote. */
static int ends_sentence(const char *s, size_t n) {
  while (n > 0) {
    size_t b = n - 1;
    while (b > 0 && ((unsigned char)s[b] & 0xC0) == 0x80) b--;
    int32_t cp;
    nd_utf8_decode((const unsigned char *)s + b, n - b, &cp);
    if (is_space_cp(cp)) {
      n = b;
      continue;
    }
    return cp == '.' || cp == '!' || cp == '?' || cp == '"' || cp == '\'' || cp == ')' ||
           cp == 0x2026 || cp == 0x201D || cp == 0x2019 || cp == 0xBB || cp == 0x3002 ||
           cp == 0xFF01 || cp == 0xFF1F || cp == ';' || cp == ':';
  }
  return 0;
}

/* Case-insensitive match of phrase (lower case, single spaces) at the start
** of s, after leading punctuation; any white space run matches a space.
** Returns the byte offset just past the match, or 0. */
static size_t match_prefix(const char *s, size_t n, const char *phrase) {
  size_t i = 0;
  while (i < n) { /* leading bullets, dashes, arrows */
    int32_t cp;
    size_t k = next_cp(s, n, i, &cp);
    if (is_alnum_cp(cp)) break;
    i += k;
  }
  const char *p = phrase;
  while (*p) {
    if (i >= n) return 0;
    int32_t cp, pc;
    size_t k = next_cp(s, n, i, &cp);
    size_t pk = nd_utf8_decode((const unsigned char *)p, strlen(p), &pc);
    if (pc == ' ') {
      if (!is_space_cp(cp) && cp != '-') return 0;
      i += k;
      while (i < n) {
        k = next_cp(s, n, i, &cp);
        if (!is_space_cp(cp)) break;
        i += k;
      }
      p += pk;
      continue;
    }
    if (utf8proc_tolower(cp) != pc) return 0;
    i += k;
    p += pk;
  }
  if (i < n) { /* the phrase must end at a word boundary */
    int32_t cp;
    next_cp(s, n, i, &cp);
    if (is_alnum_cp(cp)) return 0;
  }
  return i;
}

static int key_in(const char *key, const char *const *list) {
  for (; *list; list++)
    if (strcmp(key, *list) == 0) return 1;
  return 0;
}

static int key_contains(const char *key, const char *const *list) {
  for (; *list; list++)
    if (strstr(key, *list)) return 1;
  return 0;
}

/* ---- Vocabulary ------------------------------------------------------ */

/* Whole lines that are furniture whatever their position. */
static const char *const azLabel[] = {
    /* en */
    "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored", "sponsored content",
    "related", "related articles", "related posts", "related stories", "related news",
    "related content", "related topics", "related coverage", "related video", "related videos",
    "read more", "read next", "read also", "also read", "see also", "more articles", "more stories",
    "more news", "more from this section", "latest article", "latest articles", "latest news",
    "latest posts", "latest stories", "latest", "must read", "must reads", "you may also like",
    "you might also like", "you may be interested in", "recommended", "recommended for you",
    "recommended stories", "trending", "trending now", "trending stories", "most popular",
    "most read", "popular posts", "popular stories", "top stories", "editor s picks",
    "editors picks", "don t miss", "dont miss", "in case you missed it", "source link",
    "back to top", "share", "share this", "share this article", "share this story",
    "share this post", "share on facebook", "share on twitter", "share via", "tweet", "print",
    "email", "e mail", "comments", "comment", "leave a comment", "leave a reply", "post a comment",
    "add a comment", "add comment", "view comments", "show comments", "cancel reply", "reply",
    "subscribe", "subscribe now", "sign up", "sign in", "log in", "login", "register", "newsletter",
    "follow us", "continue reading", "skip to content", "skip to main content", "menu", "search",
    "home", "tags", "topics", "next article", "previous article", "next post", "previous post",
    "prev", "next", "previous", "click here", "loading", "whatsapp", "facebook", "twitter",
    "linkedin", "telegram", "pinterest", "reddit", "copy link", "link copied",
    "listen to this article", "read full article", "read the full article", "full story",
    "about the author", "privacy policy", "terms of use", "terms of service", "cookie policy",
    "all rights reserved", "like this", "like loading", "share this like this", "photo", "video",
    "watch", "gallery", "view gallery", "enlarge", "close", "open", "pin", "save", "save article",
    "saved", "gift this article", "listen", "listen to article", "share article",
    "story continues below advertisement", "article continues below advertisement",
    "article continues below", "continue reading below", "advertisement continue reading below",
    "scroll to continue with content", "advertisement scroll to continue", "sponsored links",
    "show more", "load more", "see more", "view more", "more", "top", "go to top", "accept",
    "accept all", "accept cookies", "reject", "reject all", "decline", "agree", "i agree", "ok",
    "got it", "manage preferences", "cookie settings", "manage cookies", "read the full story",
    "read full story", "continue reading the main story", "supported by", "follow", "unfollow",
    "email address", "enter your email", "thank you for subscribing", "thanks for signing up",
    "opens in new window", "alle akzeptieren", "akzeptieren", "ablehnen", "tout accepter",
    "accepter", "refuser", "aceptar", "aceptar todo", "rechazar", "accetta", "accetto", "rifiuta",
    "aceitar", "rejeitar", "принять", "отклонить",
    /* fr */
    "publicité", "pub", "lire aussi", "à lire aussi", "a lire aussi", "voir aussi",
    "à lire également", "sur le même sujet", "partager", "partagez", "commentaires",
    "articles liés", "articles similaires", "dans la même rubrique", "les plus lus",
    "lire la suite", "abonnez vous", "s abonner", "suivez nous", "politique de confidentialité",
    "mentions légales", "accueil", "à la une",
    /* es */
    "publicidad", "anuncio", "lee también", "leer más", "ver también", "te puede interesar",
    "también te puede interesar", "noticias relacionadas", "artículos relacionados", "compartir",
    "comentarios", "lo más leído", "más noticias", "más leídas", "síguenos", "suscríbete",
    "política de privacidad", "aviso legal", "inicio", "relacionado", "relacionadas",
    /* de */
    "werbung", "anzeige", "lesen sie auch", "mehr zum thema", "auch interessant",
    "das könnte sie auch interessieren", "teilen", "kommentare", "weitere artikel",
    "verwandte artikel", "meistgelesen", "meistgelesene artikel", "zum artikel", "datenschutz",
    "datenschutzerklärung", "impressum", "startseite", "artikel teilen", "jetzt abonnieren",
    /* it */
    "pubblicità", "leggi anche", "potrebbe interessarti", "articoli correlati", "condividi",
    "commenti", "più letti", "leggi tutto", "iscriviti", "seguici",
    /* pt */
    "publicidade", "leia também", "leia mais", "veja também", "notícias relacionadas",
    "compartilhar", "compartilhe", "comentários", "mais lidas", "saiba mais", "assine",
    /* ru */
    "реклама", "читайте также", "смотрите также", "по теме", "поделиться", "комментарии",
    "популярное", "новости по теме", "самое читаемое", "похожие новости", "читать далее",
    "читать также", "главная", "подписаться", NULL};

/* Teaser prefixes: the line is furniture when the prefix is followed by a
** separator, a capitalized title or nothing. */
static const char *const azTeaser[] = {"see also",
                                       "read more",
                                       "read also",
                                       "also read",
                                       "read next",
                                       "related",
                                       "related article",
                                       "related articles",
                                       "related story",
                                       "related stories",
                                       "must read",
                                       "more from",
                                       "recommended",
                                       "you may also like",
                                       "you might also like",
                                       "watch",
                                       "listen",
                                       "click here",
                                       "follow us",
                                       "follow us on",
                                       "subscribe",
                                       "subscribe to",
                                       "sign up",
                                       "sign up for",
                                       "sign up to",
                                       "join us",
                                       "join our",
                                       "download",
                                       "get the latest",
                                       "share this",
                                       "share on",
                                       "tags",
                                       "tagged",
                                       "filed under",
                                       "posted in",
                                       "categories",
                                       "category",
                                       "topics",
                                       "main photo source",
                                       "photo source",
                                       "photo credit",
                                       "photo credits",
                                       "image credit",
                                       "image source",
                                       "photo",
                                       "photos",
                                       "picture",
                                       "pictures",
                                       "image",
                                       "images",
                                       "foto",
                                       "fotos",
                                       "bild",
                                       "bildquelle",
                                       "credit",
                                       "credits",
                                       "caption",
                                       "video",
                                       "advertisement",
                                       "lire aussi",
                                       "à lire aussi",
                                       "a lire aussi",
                                       "voir aussi",
                                       "lire également",
                                       "à lire également",
                                       "lee también",
                                       "lea también",
                                       "leer más",
                                       "ver también",
                                       "lesen sie auch",
                                       "mehr zum thema",
                                       "auch interessant",
                                       "leggi anche",
                                       "leia também",
                                       "leia mais",
                                       "veja também",
                                       "читайте также",
                                       "смотрите также",
                                       "читайте",
                                       "по теме",
                                       "copyright",
                                       "image source",
                                       "image caption",
                                       "photograph",
                                       "illustration",
                                       "keywords",
                                       "schlagwörter",
                                       "stichwörter",
                                       "étiquettes",
                                       "etiquetas",
                                       "temas",
                                       "argomenti",
                                       "tag",
                                       "mots clés",
                                       "mots clefs",
                                       "themen",
                                       NULL};

/* Calls to action: furniture when the line is short, whatever follows. */
static const char *const azCallToAction[] = {"click here",
                                             "subscribe to our",
                                             "subscribe now",
                                             "sign up for our",
                                             "sign up to our",
                                             "sign up for the",
                                             "follow us on",
                                             "follow us",
                                             "like us on",
                                             "join our",
                                             "download our",
                                             "download the app",
                                             "get our",
                                             "to continue reading",
                                             "support our journalism",
                                             "become a subscriber",
                                             "already a subscriber",
                                             "log in or register",
                                             "register now",
                                             "abonnez vous",
                                             "inscrivez vous",
                                             "suivez nous",
                                             "suscríbete",
                                             "síguenos",
                                             "abonnieren sie",
                                             "folgen sie uns",
                                             "iscriviti alla",
                                             "seguici su",
                                             "assine a",
                                             "siga nos",
                                             "подписывайтесь",
                                             "подпишитесь",
                                             "share via",
                                             "click to share",
                                             "listen to this article",
                                             "print this",
                                             "email this",
                                             "this article is more than",
                                             "enter your email",
                                             "get the app",
                                             NULL};

/* Source credits: furniture only near the end. */
static const char *const azSource[] = {"source",
                                       "sources",
                                       "source link",
                                       "quelle",
                                       "quellen",
                                       "fuente",
                                       "fuentes",
                                       "fonte",
                                       "fonti",
                                       "источник",
                                       "via",
                                       "original article",
                                       "originally published",
                                       "this article was originally published",
                                       NULL};

/* Comment forms: furniture wherever they are. */
static const char *const azCommentForm[] = {"your email address will not be published",
                                            "required fields are marked",
                                            "save my name email and website",
                                            "notify me of follow up comments",
                                            "notify me of new posts",
                                            "you must be logged in to post a comment",
                                            "this site uses akismet",
                                            "votre adresse e mail ne sera pas publiée",
                                            "votre adresse de messagerie ne sera pas publiée",
                                            "les champs obligatoires sont indiqués",
                                            "tu dirección de correo electrónico no será publicada",
                                            "los campos obligatorios están marcados",
                                            "ihre e mail adresse wird nicht veröffentlicht",
                                            "erforderliche felder sind",
                                            "il tuo indirizzo email non sarà pubblicato",
                                            "i campi obbligatori sono contrassegnati",
                                            "o seu endereço de email não será publicado",
                                            "o seu endereço de e mail não será publicado",
                                            "campos obrigatórios são marcados",
                                            "ваш адрес email не будет опубликован",
                                            "обязательные поля помечены",
                                            NULL};

static const char *const azCookieWord[] = {"cookie", "kuki", "куки", NULL};
static const char *const azConsent[] = {"accept",
                                        "consent",
                                        "we use",
                                        "uses cookies",
                                        "use of cookies",
                                        "privacy",
                                        "browsing",
                                        "experience",
                                        "akzeptier",
                                        "zustimm",
                                        "verwende",
                                        "datenschutz",
                                        "einwillig",
                                        "accepte",
                                        "utilise",
                                        "nous utilisons",
                                        "confidentialité",
                                        "consentement",
                                        "acept",
                                        "utilizamos",
                                        "usamos",
                                        "privacidad",
                                        "consentimiento",
                                        "accett",
                                        "utilizziamo",
                                        "utilizza",
                                        "consenso",
                                        "aceit",
                                        "política de privacidade",
                                        "используем",
                                        "согласие",
                                        "принять",
                                        "политик",
                                        NULL};

/* Words of a date or time header line ("Friday, March 1, 2024"). */
static const char *const azDateWord[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "am", "pm", "a",
    "m", "p", "gmt", "utc", "est", "edt", "cet", "cest", "bst", "pst", "pdt", "ist", "updated",
    "published", "posted", "last", "on", "at", "de", "del", "le", "el", "the", "of", "um", "uhr",
    "h", "th", "st", "nd", "rd", "hour", "hours", "minute", "minutes", "min", "mins", "day", "days",
    "week", "weeks", "ago", "hr", "hrs", "today", "yesterday", "il", "y", "heures", "heure",
    "jours", "hace", "horas", "hora", "días", "vor", "stunden", "minuten", "tagen", "ore", "fa",
    "giorni", "há", "dias", "назад", "часа", "часов", "минут",
    /* fr es de it pt ru month and day names */
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "février",
    "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre", "publié", "mis", "à", "jour", "lunes", "martes", "miércoles", "jueves", "viernes",
    "sábado", "domingo", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
    "septiembre", "octubre", "noviembre", "diciembre", "actualizado", "publicado", "montag",
    "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "januar", "februar",
    "märz", "juni", "juli", "oktober", "dezember", "aktualisiert", "veröffentlicht", "am", "lunedì",
    "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "gennaio", "febbraio", "aprile",
    "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre", "aggiornato", "segunda",
    "terça", "quarta", "quinta", "sexta", "janeiro", "fevereiro", "março", "maio", "junho", "julho",
    "setembro", "outubro", "novembro", "dezembro", "feira", "atualizado", "января", "февраля",
    "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
    "года", "г", "в", "обновлено", "опубликовано",
    /* "Stand: 09.01.2023, 16:40 Uhr": the time of the version shown */
    "stand", NULL};

/* ---- Line tests ------------------------------------------------------ */

#define KEY_CAP 512

/* "3.8 C", "-2 °C", "75°F": a weather header. */
static int is_weather(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i] == ' ') i++;
  if (i < n && (s[i] == '-' || s[i] == '+')) i++;
  size_t d = i;
  while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ',')) i++;
  if (i == d) return 0;
  while (i < n && s[i] == ' ') i++;
  if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xB0) i += 2;
  while (i < n && s[i] == ' ') i++;
  if (i < n && (s[i] == 'C' || s[i] == 'F' || s[i] == 'c' || s[i] == 'f'))
    i++;
  else
    return 0;
  while (i < n && s[i] == ' ') i++;
  return i == n;
}

int nd_dateline(const char *key) {
  int digits = 0, words = 0, named = 0;
  const char *p = key;
  char w[64];
  for (const char *q = key; *q; q++)
    if (*q == ' ' && ++words > 12) return 0;
  words = 0;
  while (*p) {
    const char *e = strchr(p, ' ');
    size_t k = e ? (size_t)(e - p) : strlen(p);
    /* Numbers, also with a unit glued on: "10h30", "3pm", "12th". */
    int num = p[0] >= '0' && p[0] <= '9';
    if (num) {
      digits++;
    } else {
      if (k >= sizeof w) return 0;
      memcpy(w, p, k);
      w[k] = 0;
      if (!key_in(w, azDateWord)) return 0;
      if (k > 3) named++;
    }
    words++;
    p += k;
    while (*p == ' ') p++;
  }
  return words > 0 && words <= 12 && digits > 0 && (named > 0 || digits >= 2);
}

/* Breadcrumb: "Home » News » World", "Home > Politics". */
static int is_breadcrumb(const char *s, size_t n) {
  static const char *const azHome[] = {"home",   "accueil", "inicio",   "startseite", "главная",
                                       "início", "news",    "homepage", NULL};
  int seps = 0;
  for (size_t i = 0; i < n; i++) {
    if ((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xBB)
      seps++;
    else if ((unsigned char)s[i] == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
             (unsigned char)s[i + 2] == 0xBA)
      seps++; /* › */
    else if (s[i] == '>' && i > 0 && s[i - 1] == ' ')
      seps++;
    else if (s[i] == '/' && i > 0 && s[i - 1] == ' ' && i + 1 < n && s[i + 1] == ' ')
      seps++;
    else if (s[i] == '|')
      seps++;
  }
  if (seps == 0) return 0;
  for (int i = 0; azHome[i]; i++) {
    size_t e = match_prefix(s, n, azHome[i]);
    if (e) {
      while (e < n && (s[e] == ' ' || (unsigned char)s[e] == 0xC2 || (unsigned char)s[e] == 0xA0))
        e++;
      if (e < n && (s[e] == '>' || s[e] == '/' || s[e] == '|' || (unsigned char)s[e] == 0xC2 ||
                    (unsigned char)s[e] == 0xBB || (unsigned char)s[e] == 0xE2))
        return 1;
    }
  }
  return seps >= 2 && word_count(s, n) <= 24 && !ends_sentence(s, n);
}

/* A caption glued to itself: "X (AFP)X (AFP)". */
static int is_glued_duplicate(const char *s, size_t n) {
  if (n < 16) return 0;
  for (size_t gap = 0; gap <= 1; gap++) {
    if ((n - gap) % 2) continue;
    size_t h = (n - gap) / 2;
    if (memcmp(s, s + h + gap, h) == 0) return 1;
  }
  return 0;
}

/* A photo caption with its credit: ends with "(AFP)", "(Sputnik/Reuters)",
** "/ POOL", "PAP/EPA/NAME", "Getty Images" and is not a sentence. */
static int is_photo_credit(const char *s, size_t n) {
  while (n && s[n - 1] == ' ') n--;
  if (n < 4 || word_count(s, n) > 40) return 0;
  static const char *const azAgency[] = {"afp",     "ap",     "reuters",
                                         "epa",     "getty",  "getty images",
                                         "dpa",     "efe",    "ansa",
                                         "anp",     "tass",   "ria novosti",
                                         "sputnik", "xinhua", "shutterstock",
                                         "pool",    "file",   "archive",
                                         "pap",     "imago",  "picture alliance",
                                         NULL};
  if (s[n - 1] == ')') {
    size_t o = n - 1;
    while (o > 0 && s[o] != '(') o--;
    if (s[o] != '(' || n - o > 60) return 0;
    char key[KEY_CAP];
    nd_line_key(s + o, n - o, key, sizeof key);
    if (memchr(s + o, '/', n - o)) return 1;
    if (key_in(key, azAgency)) return 1;
    return strstr(key, "photo") != NULL || strstr(key, "foto") != NULL ||
           strstr(key, "getty") != NULL || strstr(key, "images") != NULL;
  }
  /* Trailing run of capitals, digits and punctuation containing '/'. */
  size_t i = n, slash = 0, upper = 0;
  while (i > 0) {
    unsigned char c = (unsigned char)s[i - 1];
    if (c >= 'a' && c <= 'z') break;
    if (c >= 0x80) break;
    if (c == '/') slash++;
    if (c >= 'A' && c <= 'Z') upper++;
    i--;
  }
  if (slash && upper >= 4 && n - i >= 6) return 1;
  char key[KEY_CAP];
  size_t k = nd_line_key(s, n, key, sizeof key);
  return !ends_sentence(s, n) &&
         ((k >= 12 && strcmp(key + k - 12, "getty images") == 0) || strstr(key, "ap photo") ||
          strstr(key, "photo by ") || strstr(key, "photo courtesy"));
}

/* Short line of lower-case words only: a tag or link label. */
static int is_lowercase_label(const char *s, size_t n) {
  int cased = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    i += next_cp(s, n, i, &cp);
    if (cp == ' ' || cp == '-') continue;
    if (!is_alnum_cp(cp)) return 0;
    if (utf8proc_toupper(cp) != cp) cased = 1;
    if (utf8proc_tolower(cp) != cp) return 0;
  }
  return cased && word_count(s, n) <= 4;
}

/* True when a few words name a job: "Transport Correspondent", "Senior
** Editor", "Staff Writer", "correspondant à Marseille". */
static int role_words(const char *s, size_t n) {
  static const char *const azRole[] = {
      "correspondent", "correspondents", "editor", "reporter", "writer", "columnist",
      "contributor", "journalist", "analyst", "producer", "photographer", "staff",
      "chief", "critic", "correspondant", "correspondante", "rédacteur", "rédactrice",
      "journaliste", "corresponsal", "redactor", "redactora", "periodista", "korrespondent",
      "korrespondentin", "redakteur", "redakteurin", "corrispondente", "giornalista",
      "корреспондент",
      /* the newsroom signing as a whole */
      "redacción", "redação", "redazione", "rédaction", "redaktion", "newsroom", NULL};
  char key[96];
  size_t k = nd_line_key(s, n, key, sizeof key);
  if (k == 0 || word_count(s, n) > 6) return 0;
  for (char *w = key; w;) {
    char *sp = strchr(w, ' ');
    if (sp) *sp = 0;
    if (key_in(w, azRole)) return 1;
    w = sp ? sp + 1 : NULL;
  }
  return 0;
}

/* "Maria Lindqvist, Transport Correspondent" -> "Maria Lindqvist";
** "Jane Doe in Kyiv" -> "Jane Doe": the byline field holds the names. */
static size_t drop_role_and_place(const char *name, size_t len) {
  for (int round = 0; round < 2; round++) {
    size_t c = len;
    while (c > 0 && name[c - 1] != ',') c--;
    if (c > 1 && role_words(name + c, len - c)) {
      len = c - 1;
      while (len > 0 && name[len - 1] == ' ') len--;
    }
  }
  /* " in " then one to three capitalized words, after a name of two words or more */
  for (size_t i = 0; i + 4 < len; i++) {
    if (memcmp(name + i, " in ", 4) != 0 || word_count(name, i) < 2) continue;
    size_t j = i + 4;
    int words = word_count(name + j, len - j);
    if (words >= 1 && words <= 3 && name[j] >= 'A' && name[j] <= 'Z') return i;
  }
  return len;
}

/* A person's name alone on a line: two to four capitalized words of
** letters (hyphens, apostrophes and initials allowed). */
static int name_shaped(const char *s, size_t n) {
  int words = 0, start = 1;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    size_t k = next_cp(s, n, i, &cp);
    if (cp == ' ') {
      start = 1;
    } else if (start) {
      if (utf8proc_tolower(cp) == cp) return 0;
      words++;
      start = 0;
    } else if (!(is_alnum_cp(cp) && !(cp >= '0' && cp <= '9')) && cp != '-' && cp != '\'' &&
               cp != 0x2019 && cp != '.') {
      return 0;
    }
    i += k;
  }
  return words >= 2 && words <= 4;
}

int nd_role_line(const char *s, size_t n) {
  char last = n ? s[n - 1] : '.';
  return word_count(s, n) <= 5 && last != '.' && last != '!' && last != '?' && role_words(s, n);
}

int nd_name_over_role(const char *name, size_t n, const char *role, size_t rn) {
  return name_shaped(name, n) && nd_role_line(role, rn);
}

int nd_byline_name(const char *line, size_t n, size_t *name_off, size_t *name_len) {
  static const struct {
    const char *phrase;
    int strict; /* common word: the name must be capitalized and short */
  } aBy[] = {
      {"written by", 0},
      {"words by", 0},
      {"posted by", 0},
      {"reported by", 0},
      {"reporting by", 0},
      {"story by", 0},
      {"text by", 0},
      {"published by", 0},
      {"by", 1},
      {"écrit par", 0},
      {"ecrit par", 0},
      {"rédigé par", 0},
      {"publié par", 0},
      {"par", 1},
      {"escrito por", 0},
      {"publicado por", 0},
      {"redactado por", 0},
      {"por", 1},
      {"geschrieben von", 0},
      {"verfasst von", 0},
      {"von", 1},
      {"scritto da", 0},
      {"a cura di", 0},
      {"di", 1},
      {"publisher", 0},
      {"author", 0},
      {"authors", 0},
      {"autor", 0},
      {"autora", 0},
      {"autores", 0},
      {"auteur", 0},
      {"autore", 0},
      {"автор", 0},
      {"авторы", 0},
      {"текст", 1},
      {"texto", 1},
      {"text", 1},
      {"redacción", 1},
      {"editor", 1},
      {"reporter", 1},
  };
  while (n && (line[n - 1] == ' ' || line[n - 1] == '\t')) n--;
  if (n == 0 || n > 160) return 0;
  for (size_t i = 0; i < sizeof(aBy) / sizeof(aBy[0]); i++) {
    size_t e = match_prefix(line, n, aBy[i].phrase);
    if (!e) continue;
    int colon = 0;
    while (e < n && (line[e] == ' ' || line[e] == ':' || (unsigned char)line[e] == 0xC2 ||
                     (unsigned char)line[e] == 0xA0)) {
      if (line[e] == ':') colon = 1;
      e++;
    }
    /* "Author"-like labels and "Text"-like ones need the colon. */
    if (i >= 24 && !colon && aBy[i].strict) return 0;
    if (e >= n) return 0;
    /* Cut a trailing date or site after a separator. */
    size_t end = e;
    while (end < n) {
      unsigned char c = (unsigned char)line[end];
      if (c == '|' || c == '\t') break;
      if (c == 0xE2 && end + 2 < n && (unsigned char)line[end + 1] == 0x80 &&
          ((unsigned char)line[end + 2] == 0xA2 || (unsigned char)line[end + 2] == 0x94 ||
           (unsigned char)line[end + 2] == 0x93) &&
          end > e && line[end - 1] == ' ')
        break; /* • — – */
      if (c == '-' && end > e && line[end - 1] == ' ' && end + 1 < n && line[end + 1] == ' ') break;
      if (c == 0xC2 && end + 1 < n && (unsigned char)line[end + 1] == 0xB7) break; /* · */
      end++;
    }
    while (end > e && (line[end - 1] == ' ' || line[end - 1] == ',')) end--;
    if (end == e) return 0;
    const char *name = line + e;
    size_t len = end - e;
    int words = word_count(name, len);
    if (words == 0 || words > 8) return 0;
    int32_t first;
    nd_utf8_decode((const unsigned char *)name, len, &first);
    if (!is_alnum_cp(first)) return 0;
    int upper = utf8proc_tolower(first) != first;
    if (aBy[i].strict && !colon && (!upper || words > 5)) {
      /* "by admin": a lone lower-case handle is fine after "by". */
      if (!(i == 8 && words == 1)) return 0;
    }
    if (!upper && words > 2) return 0;
    /* A sentence is not a name. */
    if (name[len - 1] == '.' && !(len >= 3 && name[len - 3] == ' ')) return 0;
    for (size_t k = 0; k < len; k++)
      if (name[k] == '!' || name[k] == '?' || name[k] == ';' || name[k] == '"') return 0;
    len = drop_role_and_place(name, len);
    *name_off = e;
    *name_len = len;
    return 1;
  }
  return 0;
}

/* ---- nd_clean_text ----------------------------------------------------- */

typedef struct line {
  size_t off, len;
  int blank, drop;
} line;

/* Teaser: prefix then a separator, a capital or the end of the line. */
static int is_teaser(const char *s, size_t n, int words) {
  if (words > 40) return 0;
  for (int i = 0; azTeaser[i]; i++) {
    size_t e = match_prefix(s, n, azTeaser[i]);
    if (!e) continue;
    if (e >= n) return 1;
    int32_t cp;
    size_t k = next_cp(s, n, e, &cp);
    if (cp == ':' || cp == 0xA0 || cp == '>' || cp == 0xBB || cp == '|' || cp == '-' ||
        cp == 0x2013 || cp == 0x2014 || cp == 0x25B6 || cp == 0x2192)
      return 1;
    /* "Image caption, ...": a comma only after picture words. */
    if (cp == ',' &&
        (strncmp(azTeaser[i], "image", 5) == 0 || strncmp(azTeaser[i], "photo", 5) == 0))
      return 1;
    if (!is_space_cp(cp)) continue;
    e += k;
    while (e < n) {
      k = next_cp(s, n, e, &cp);
      if (!is_space_cp(cp)) break;
      e += k;
    }
    if (e >= n) return 1;
    if (cp == ':' || cp == '>' || cp == 0xBB || cp == '|' || cp == '-' || cp == 0x2013 ||
        cp == 0x2014 || cp == 0x201C || cp == '"' || cp == 0xAB)
      return 1;
    /* "See also First Book Fair ...": a capitalized title without a final
    ** period, or one that ends in ">>>". */
    if (utf8proc_tolower(cp) != cp && (!ends_sentence(s, n) || (n >= 3 && s[n - 1] == '>')))
      return 1;
  }
  return 0;
}

/* Production credits at the end: "Reporting by X; Editing by Y". */
static int is_production_credit(const char *s, size_t n, int words) {
  static const char *const azCredit[] = {"reporting by",
                                         "additional reporting by",
                                         "additional reporting",
                                         "editing by",
                                         "writing by",
                                         "compiled by",
                                         "with reporting by",
                                         "edited by",
                                         "reported by",
                                         "mit material von",
                                         "avec afp",
                                         "con información de",
                                         NULL};
  if (words > 30) return 0;
  for (int i = 0; azCredit[i]; i++)
    if (match_prefix(s, n, azCredit[i])) return 1;
  return 0;
}

/* "Source: X" (a period may follow), or without a colon "Via X",
** "Source link", "Originally published ..." when not a sentence. */
static int is_source_credit(const char *s, size_t n, int words) {
  if (words > 14 || (ends_sentence(s, n) && s[n - 1] != '.')) return 0;
  int sentence = s[n - 1] == '.';
  for (int i = 0; azSource[i]; i++) {
    size_t e = match_prefix(s, n, azSource[i]);
    if (!e) continue;
    while (e < n && s[e] == ' ') e++;
    if (e >= n || s[e] == ':') return 1;
    if (!sentence && (azSource[i][0] == 'v' || strchr(azSource[i], ' '))) return 1;
  }
  return 0;
}

static int is_cookie_notice(const char *key, int words) {
  return words <= 120 && key_contains(key, azCookieWord) && key_contains(key, azConsent);
}

/* "5 min read", "Lesezeit: 3 Min.", "2 minutes de lecture". */
static int is_reading_time(const char *key) {
  static const char *const azRead[] = {
      "min read",           "minute read",       "minutes read",
      "mins read",          "lesezeit",          "min de lecture",
      "minutes de lecture", "min de lectura",    "minutos de lectura",
      "min di lettura",     "minuti di lettura", "min de leitura",
      "мин чтения",         "reading time",      NULL};
  size_t k = strlen(key);
  if (k > 40) return 0;
  int digit = 0;
  for (size_t i = 0; i < k; i++) digit |= key[i] >= '0' && key[i] <= '9';
  return digit && key_contains(key, azRead);
}

/* Furniture wherever it stands; key is the line's nd_line_key. */
static int furniture(const char *s, size_t n, const char *key) {
  size_t k = strlen(key);
  int words = word_count(s, n);
  if (k == 0) return 1; /* only punctuation or symbols: "***", "—" */
  if (words > 40) {
    /* A paragraph: only the strong rules apply. */
    return key_contains(key, azCommentForm) || is_cookie_notice(key, words);
  }
  /* Labels never end a sentence: "More." is text, "More" a button. */
  char last = s[n - 1];
  int label_shape = words <= 8 && last != '.' && last != '!' && last != '?';
  if (label_shape && key_in(key, azLabel)) return 1;
  /* "Comments 12", "Share 3": a label with a count. */
  if (label_shape && key[k - 1] >= '0' && key[k - 1] <= '9') {
    size_t e = k;
    while (e > 0 && key[e - 1] >= '0' && key[e - 1] <= '9') e--;
    if (e > 1 && key[e - 1] == ' ') {
      char label[KEY_CAP];
      memcpy(label, key, e - 1);
      label[e - 1] = 0;
      if (key_in(label, azLabel)) return 1;
    }
  }
  if (words <= 25)
    for (int i = 0; azCallToAction[i]; i++)
      if (match_prefix(s, n, azCallToAction[i])) return 1;
  if (is_reading_time(key)) return 1;
  if (key_contains(key, azCommentForm)) return 1;
  if (is_cookie_notice(key, words)) return 1;
  if (is_teaser(s, n, words)) return 1;
  if (is_weather(s, n)) return 1;
  if (nd_dateline(key)) return 1;
  if (is_breadcrumb(s, n)) return 1;
  if (is_glued_duplicate(s, n)) return 1;
  if (is_photo_credit(s, n)) return 1;
  if (is_lowercase_label(s, n)) return 1;
  if (strstr(key, "all rights reserved") && words <= 30) return 1;
  return 0;
}

size_t nd_meta_separator(const char *s, size_t n, size_t i) {
  if (s[i] == '|') return 1;
  if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xB7) return 2;
  if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
      ((unsigned char)s[i + 2] == 0xA2 || (unsigned char)s[i + 2] == 0x94 ||
       (unsigned char)s[i + 2] == 0x93))
    return 3;
  if (s[i] == '-' && i > 0 && s[i - 1] == ' ' && i + 1 < n && s[i + 1] == ' ') return 1;
  return 0;
}

/* "Owen Price | 2 November 2025", "Jane Doe · 5 min read · March 3":
** a meta line of a name and a date under the headline. Every part is a
** name, a date or a reading time, and one is a date. */
static int name_and_date_line(const char *s, size_t n) {
  if (word_count(s, n) > 16) return 0;
  int parts = 0, dates = 0;
  for (size_t b = 0; b <= n;) {
    size_t e = b, k = 0;
    while (e < n && !(k = nd_meta_separator(s, n, e))) e++;
    size_t pb = b, pe = e;
    while (pb < pe && s[pb] == ' ') pb++;
    while (pe > pb && s[pe - 1] == ' ') pe--;
    if (pe > pb) {
      char key[KEY_CAP];
      nd_line_key(s + pb, pe - pb, key, sizeof key);
      if (nd_dateline(key))
        dates++;
      else if (!name_shaped(s + pb, pe - pb) && !is_reading_time(key))
        return 0;
      parts++;
    }
    if (e >= n) break;
    b = e + k;
  }
  return parts >= 2 && dates >= 1;
}

/* Furniture only near the start (head) or the end (tail): bylines,
** sources, production credits, copyright lines. */
static int edge_furniture(const char *s, size_t n, int head, int tail) {
  size_t no, nl;
  int words = word_count(s, n);
  if (nd_byline_name(s, n, &no, &nl)) return 1;
  if (head && name_and_date_line(s, n)) return 1;
  if (!tail) return 0;
  if (is_source_credit(s, n, words) || is_production_credit(s, n, words)) return 1;
  char key[KEY_CAP];
  nd_line_key(s, n, key, sizeof key);
  return (strncmp(s, "\xC2\xA9", 2) == 0 || strstr(key, "copyright")) && words <= 20;
}

int nd_furniture_line(const char *s, size_t n) {
  char key[KEY_CAP];
  nd_line_key(s, n, key, sizeof key);
  return furniture(s, n, key);
}

char *nd_clean_text(const char *text, size_t n, size_t *out_len) {
  size_t cap = 64, count = 0;
  line *lines = nd_malloc(cap * sizeof *lines);
  if (!lines) return NULL;
  for (size_t i = 0; i <= n;) {
    size_t e = i;
    while (e < n && text[e] != '\n') e++;
    if (count == cap) {
      line *grown = nd_realloc(lines, 2 * cap * sizeof *lines);
      if (!grown) {
        nd_free(lines);
        return NULL;
      }
      lines = grown;
      cap *= 2;
    }
    size_t b = i, t = e;
    while (b < t && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) b++;
    while (t > b && (text[t - 1] == ' ' || text[t - 1] == '\t' || text[t - 1] == '\r')) t--;
    lines[count].off = b;
    lines[count].len = t - b;
    lines[count].blank = t == b;
    lines[count].drop = 0;
    count++;
    if (e >= n) break;
    i = e + 1;
  }
  char prev_key[KEY_CAP] = "", key[KEY_CAP];
  for (size_t i = 0; i < count; i++) {
    if (lines[i].blank) continue;
    const char *s = text + lines[i].off;
    size_t len = lines[i].len;
    nd_line_key(s, len, key, sizeof key);
    lines[i].drop = furniture(s, len, key);
    /* The same line twice in a row (a title echoed, a caption repeated). */
    if (!lines[i].drop && key[0] && strcmp(key, prev_key) == 0) lines[i].drop = 1;
    if (!lines[i].drop) memcpy(prev_key, key, sizeof key);
  }
  /* Edges, counted in lines that survived: the first four and last five. */
  for (size_t i = 0, kept = 0; i < count && kept < 4; i++) {
    if (lines[i].blank || lines[i].drop) continue;
    lines[i].drop = edge_furniture(text + lines[i].off, lines[i].len, 1, 0);
    kept += !lines[i].drop;
  }
  for (size_t i = count, kept = 0; i-- > 0 && kept < 5;) {
    if (lines[i].blank || lines[i].drop) continue;
    lines[i].drop = edge_furniture(text + lines[i].off, lines[i].len, 0, 1);
    kept += !lines[i].drop;
  }
  /* Trailing furniture: short unpunctuated lines after the last sentence
  ** (tag lists, link labels, site names); none when no sentence precedes. */
  size_t cut = count; /* first trailing line to drop */
  for (size_t i = count; i-- > 0;) {
    if (lines[i].blank || lines[i].drop) continue;
    const char *s = text + lines[i].off;
    size_t len = lines[i].len;
    if (ends_sentence(s, len) || word_count(s, len) > 10) {
      for (size_t k = i + 1; k < count; k++) lines[k].drop |= k >= cut;
      break;
    }
    cut = i;
  }
  nd_buf out;
  nd_buf_init(&out);
  for (size_t i = 0; i < count; i++) {
    if (lines[i].drop) continue;
    if (!lines[i].blank) nd_buf_append(&out, text + lines[i].off, lines[i].len);
    nd_buf_putc(&out, '\n');
  }
  nd_free(lines);
  char *res = nd_buf_detach(&out);
  if (!res) return NULL;
  nd_tidy_paragraphs(res);
  if (out_len) *out_len = strlen(res);
  return res;
}

/* Plain-text bodies: one paragraph per line, unless the text is hard
** wrapped (most lines that continue on the next one are 40-100 characters
** long and stop mid-sentence), then lines of a block are joined. */
int nd_text_paragraphs(char **text) {
  const char *s = *text;
  size_t pairs = 0, wrapped = 0;
  for (const char *p = s; *p;) {
    const char *e = strchr(p, '\n');
    if (!e) break;
    size_t len = (size_t)(e - p);
    if (len > 0 && e[1] && e[1] != '\n') {
      pairs++;
      size_t chars = nd_utf8_chars(p, len);
      if (chars >= 40 && chars <= 100 && !ends_sentence(p, len)) wrapped++;
    }
    p = e + 1;
  }
  if (pairs == 0) return 0;
  int hard = wrapped * 2 >= pairs;
  nd_buf b;
  nd_buf_init(&b);
  for (const char *p = s; *p; p++) {
    if (*p == '\n' && p > s && p[-1] != '\n' && p[1] && p[1] != '\n') {
      if (hard)
        nd_buf_putc(&b, ' ');
      else
        nd_buf_append(&b, "\n\n", 2);
    } else {
      nd_buf_putc(&b, *p);
    }
  }
  char *out = nd_buf_detach(&b);
  if (!out) return -1;
  nd_free(*text);
  *text = out;
  return 0;
}

void nd_tidy_paragraphs(char *s) {
  size_t r = 0, o = 0;
  int blank_pending = 0;
  while (s[r]) {
    size_t e = r;
    while (s[e] && s[e] != '\n') e++;
    size_t b = r, t = e;
    while (b < t && (s[b] == ' ' || s[b] == '\t')) b++;
    while (t > b && (s[t - 1] == ' ' || s[t - 1] == '\t')) t--;
    /* A line of only no-break spaces is blank too. */
    int only_nbsp = t > b;
    for (size_t k = b; k < t && only_nbsp; k += 2)
      only_nbsp = k + 1 < t && (unsigned char)s[k] == 0xC2 && (unsigned char)s[k + 1] == 0xA0;
    if (t == b || only_nbsp) {
      if (o > 0) blank_pending = 1;
    } else {
      if (o > 0) {
        if (blank_pending) s[o++] = '\n';
        s[o++] = '\n';
      }
      blank_pending = 0;
      memmove(s + o, s + b, t - b);
      o += t - b;
    }
    r = s[e] ? e + 1 : e;
  }
  s[o] = 0;
}
