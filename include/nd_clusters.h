/*
** Word classes learnt from unlabeled English text, for the entity tagger.
**
** Words that appear in similar contexts share a class: "Moscow", "Russia"
** and "Texas" do, as do "said", "explained" and "insisted". A rare or unseen
** name in a known word's class then borrows what the tagger learnt for it.
** Three nested levels: 64 coarse classes, 256 middle ones, 1024 fine ones
** (a fine class lies inside one middle class, which lies inside one coarse
** class), so features can use several granularities.
**
** Learnt by tools/build-clusters.c (positive PMI with neighbouring words,
** randomized SVD to 100 dimensions, spherical k-means) over 5.1 M tokens of
** the Brown corpus, nlp-corpus and the State of the Union addresses (never
** CoNLL text); 42,966 word forms, case kept. The table,
** ext/data/clusters.bin, is linked in by ext/clusters_blob.S and read in
** place: no allocation, thread-safe. See docs/gazetteers.md.
*/
#ifndef ND_CLUSTERS_H
#define ND_CLUSTERS_H
#include <stddef.h>

#define ND_CLUSTERS_COARSE 64
#define ND_CLUSTERS_MIDDLE 256
#define ND_CLUSTERS_FINE 1024

typedef struct nd_word_class {
  unsigned coarse; /* < ND_CLUSTERS_COARSE */
  unsigned middle; /* < ND_CLUSTERS_MIDDLE */
  unsigned fine;   /* < ND_CLUSTERS_FINE */
} nd_word_class;

/* The classes of the token w[0..n): of its exact form, else of its lower-case
** form, else of its form with only the first letter capital ("RUSSIA" ->
** "Russia"). Returns 1 when found, 0 when the word is unknown (then *out is
** left unchanged). */
int nd_word_cluster(const char *w, size_t n, nd_word_class *out);

#endif
