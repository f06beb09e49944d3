-- news_clean on whole pages: the article text, without site furniture.
.mode list
SELECT news_clean(readfile('tests/fixtures/formats/wordpress.html'));
SELECT '--';
SELECT news_clean(readfile('tests/fixtures/formats/divsoup.html'), 'html');
SELECT '--';
-- Malformed markup: unclosed tags, stray '<', comments, CDATA, entities.
SELECT news_clean('<div><p>One &lt; two &amp;&amp; three &unknown; &#0; &#x110000; <b>bold<p>Next para, '
                  || 'with a stray < sign and <!-- a comment --> text.<![CDATA[ in cdata ]]></div>', 'html');
SELECT news_clean('<p>Text &copy 2024 &notit; &NotANamedOne; &#128512;</p>', 'html');
SELECT '--';
-- Upper-case tags, unquoted attributes, text split by an advertisement,
-- related links, a sidebar, comments and an unclosed last paragraph.
SELECT news_clean(readfile('tests/fixtures/formats/split.html'));
