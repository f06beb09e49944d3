/*
** eval_ner: entity-level precision, recall and F1 of the built-in model on
** a CoNLL-2003 file, as conlleval computes them (tools/eval_ner.h).
**
**   eval_ner FILE.txt      (make eval-ner; EVAL_NER_FILE=... for another)
**
** Documents are tagged whole (split at -DOCSTART-), so the document-level
** pass works as on an article; the gold tokens are used as the tokens.
*/
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "eval_ner.h"
#include "nd_entities.h"

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE.txt\n", argv[0]);
    return 2;
  }
  conll_set set;
  if (conll_read(argv[1], &set)) {
    fprintf(stderr, "eval_ner: cannot read %s\n", argv[1]);
    return 2;
  }
  const nd_ner_model *m = nd_ner_builtin();
  if (!m) {
    fprintf(stderr, "eval_ner: the library has no model (make model)\n");
    return 2;
  }
  ner_score s = {0};
  clock_t t0 = clock();
  for (size_t d = 0; d < set.n; d++) {
    unsigned char *tags = malloc(set.doc[d].n);
    if (!tags || nd_ner_tag(m, set.doc[d].text, set.doc[d].tok, set.doc[d].n, tags, NULL)) {
      fprintf(stderr, "eval_ner: out of memory\n");
      return 2;
    }
    score_doc(&s, &set.doc[d], tags);
    free(tags);
  }
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  printf("%s: %zu documents, %zu tokens (model: %s)\n", argv[1], set.n, set.tokens,
         nd_ner_model_info());
  score_print(&s, stdout);
  printf("tagging: %.2f s, %.0f tokens/s\n", secs, secs > 0 ? (double)set.tokens / secs : 0);
  conll_free(&set);
  return 0;
}
