# Entities (issue #4): the tagger's model, its evaluation and its benchmark.
#
#   make model        train ext/data/ner.model from CoNLL-2003 (docs/model.md)
#   make eval-ner     entity P/R/F1 on dev.txt (EVAL_NER_FILE=... for another file)
#   make bench-entities   news_entities speed, side by side with npm compromise,
#                     installed in its own prefix build/bench-npm (an
#                     `npm install --no-save` into build/ would prune the
#                     gazetteer sources installed there, and they it)

CONLL_DIR ?= $(SHARED_DIR)/data/conll2003
EVAL_NER_FILE ?= $(CONLL_DIR)/dev.txt
NER_EPOCHS ?= 20

.PHONY: model eval-ner bench-entities

$(BUILD)/ner_blob.o: ext/data/ner.model

$(BUILD)/train_ner: tools/train_ner.c tools/eval_ner.h $(BUILD)/libnewsdesk_engine.a
	$(CC) $(CFLAGS) $(ND_CFLAGS) -Itools $< -o $@ $(BUILD)/libnewsdesk_engine.a $(LIBS)

$(BUILD)/eval_ner: tools/eval_ner.c tools/eval_ner.h $(BUILD)/libnewsdesk_engine.a
	$(CC) $(CFLAGS) $(ND_CFLAGS) -Itools $< -o $@ $(BUILD)/libnewsdesk_engine.a $(LIBS)

# The model is not a file target: the trainer links the engine, which embeds
# the current model, so a file rule would be circular. Rebuild after it.
model: $(BUILD)/train_ner
	$(BUILD)/train_ner $(CONLL_DIR)/train.txt $(CONLL_DIR)/dev.txt ext/data/ner.model $(NER_EPOCHS)
	@$(MAKE) --no-print-directory all

EVAL_TARGETS += eval-ner
eval-ner: all $(BUILD)/eval_ner
	$(BUILD)/eval_ner $(EVAL_NER_FILE)

BENCH_TARGETS += bench-entities
bench-entities: all
	@if command -v npm >/dev/null 2>&1; then \
	  [ -d build/bench-npm/node_modules/compromise ] || \
	  npm install --no-save --no-audit --no-fund --prefix build/bench-npm compromise@14.17.0 >/dev/null; \
	else echo "bench-entities: npm is missing, compromise will be skipped"; fi
	$(PYTHON) tools/bench-entities.py --ext $(EXT) --seeds $(SHARED_DIR)/corpus/seeds --data $(SHARED_DIR)/data
