# Memory checking with valgrind (not part of `make test`: too slow).
#
#   make test-valgrind     the SQL and Python tests with the sqlite3 shell and
#                          python3 running under valgrind memcheck
#   make test-leaks        `make test SANITIZE=1` with LeakSanitizer on for the
#                          sqlite3 shell (python3 keeps it off: the interpreter
#                          itself leaks ~19 KB at exit)
#
# tests/run.sh is reused as is: SQLITE3 and PYTHON point to wrappers that
# start the real programs under valgrind, each process logging to its own
# build/valgrind/log/<pid>.log. The run fails when the suite fails or when
# any log reports an error (invalid read/write, uninitialised value, a
# definite leak); tests/fuzz/valgrind.supp explains the one suppression
# (PCRE2 JIT code). Python's small-object allocator is switched off
# (PYTHONMALLOC=malloc) so that valgrind sees every allocation; see
# docs/fuzzing.md for the figures of the last run.

VALGRIND      ?= valgrind
VALGRIND_DIR   = build/valgrind
VALGRIND_OPTS  = -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite \
                 --errors-for-leak-kinds=definite --track-origins=yes \
                 --suppressions=tests/fuzz/valgrind.supp --log-file=$(CURDIR)/$(VALGRIND_DIR)/log/%p.log

.PHONY: test-valgrind test-leaks

test-valgrind: all
	@command -v $(VALGRIND) >/dev/null || sh tools/install-deps.sh valgrind
	@rm -rf $(VALGRIND_DIR) && mkdir -p $(VALGRIND_DIR)/log
	@printf '#!/bin/sh\n%s\n' 'exec $(VALGRIND) $(VALGRIND_OPTS) $(SQLITE3) "$$@"' >$(VALGRIND_DIR)/sqlite3
	@printf '#!/bin/sh\n%s\n' 'PYTHONMALLOC=malloc exec $(VALGRIND) $(VALGRIND_OPTS) $(PYTHON) "$$@"' \
	  >$(VALGRIND_DIR)/python3
	@chmod +x $(VALGRIND_DIR)/sqlite3 $(VALGRIND_DIR)/python3
	@NEWSDESK_EXT=$(EXT) SQLITE3=$(CURDIR)/$(VALGRIND_DIR)/sqlite3 PYTHON=$(CURDIR)/$(VALGRIND_DIR)/python3 \
	  SHARED_DIR=$(SHARED_DIR) UNIT_DIR=$(VALGRIND_DIR)/no-unit-tests sh tests/run.sh; \
	  status=$$?; bad=$$(find $(VALGRIND_DIR)/log -name '*.log' -size +0 | sort); \
	  echo "valgrind: $$(ls $(VALGRIND_DIR)/log | wc -l) processes checked, $$(echo $$bad | wc -w) with errors"; \
	  for f in $$bad; do echo "== $$f"; head -60 $$f; done; \
	  [ $$status -eq 0 ] && [ -z "$$bad" ]

# LeakSanitizer is switched on for the sqlite3 shell alone: every other
# process of the run (sh, diff, python3) gets the preloaded runtime too and
# would report its own exit-time leaks. A leak report goes to stderr, which
# the SQL scripts' expected output captures, so a leak fails the script
# that caused it.
test-leaks:
	@mkdir -p build/san
	@printf '#!/bin/sh\n%s\n' 'ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 exec $(SQLITE3) "$$@"' \
	  >build/san/sqlite3-leaks && chmod +x build/san/sqlite3-leaks
	@$(MAKE) --no-print-directory test SANITIZE=1 SQLITE3=$(CURDIR)/build/san/sqlite3-leaks
