"""Run every tests/python/test_*.py with unittest and print one count line.

Tests that need ../shared/data skip with a visible reason when it is absent.
"""
import os
import sys
import unittest

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
suite = unittest.defaultTestLoader.discover(here, pattern="test_*.py", top_level_dir=here)
result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
skipped = len(result.skipped)
passed = result.testsRun - failed - skipped
for test, reason in result.skipped:
    print(f"SKIP {test.id()}: {reason}")
print(f"python: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
