-- news_version is the semantic version; news_debug names its libraries.
SELECT news_version();
SELECT news_version() = (SELECT news_version());
SELECT count(*) FROM (SELECT 1 WHERE news_debug() LIKE '%sqlite: compiled%'
  AND news_debug() LIKE '%pcre2: %jit%' AND news_debug() LIKE '%utf8proc: %Unicode%');
