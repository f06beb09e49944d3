# Date tagger (news_dates): quality evaluation and speed benchmark.
#
#   make eval-dates    TempEval-3 measures on $(SHARED_DIR)/data/tempeval3
#                      (+ WikiWars), tables written to docs/quality-dates.md
#   make bench-dates   MB/s per core and peak memory, side by side with
#                      chrono-node (npm), figures written to docs/bench-dates.md

EVAL_TARGETS += eval-dates

eval-dates: all
	$(PYTHON) tools/eval_dates.py --ext $(EXT) --data $(SHARED_DIR)/data/tempeval3 \
	  --wikiwars $(SHARED_DIR)/data/wikiwars/timex2 --doc docs/quality-dates.md

.PHONY: eval-dates
