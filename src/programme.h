#ifndef HOSO_PROGRAMME_H
#define HOSO_PROGRAMME_H

/* The programme a database keeps the records of. */

#include "error.h"

struct store;

/*
 * The programme's title as a new string in *title (NULL when the database
 * holds no programme yet). Returns 0 or -1 with err set.
 */
int programme_title(struct store *s, char **title, struct error *err);

#endif
