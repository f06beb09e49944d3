/* The one place the newsdesk version is written. */
#ifndef NEWSDESK_VERSION_H
#define NEWSDESK_VERSION_H
#define NEWSDESK_VERSION "0.1.0"
#endif
