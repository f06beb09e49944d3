-- Pins every registered name, argument count and security flag, so that an
-- accidental export or a lost flag fails. Flag bits: 0x800 DETERMINISTIC,
-- 0x80000 DIRECTONLY, 0x200000 INNOCUOUS.
.mode list
SELECT name, narg,
       iif(flags & 0x800, 'deterministic', '-'),
       iif(flags & 0x80000, 'directonly', '-'),
       iif(flags & 0x200000, 'innocuous', '-')
FROM pragma_function_list
WHERE name LIKE 'news%' OR name = 'regexp' OR name LIKE 'newsdesk%'
ORDER BY name, narg;
SELECT name FROM pragma_module_list WHERE name LIKE 'news%' ORDER BY name;
