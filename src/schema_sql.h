#ifndef HOSO_SCHEMA_SQL_H
#define HOSO_SCHEMA_SQL_H

/* The schema migrations and the seed data, as SQL built into the program. */

extern const char schema_0001[];
extern const char schema_0002[];
extern const char schema_0002_index[];
extern const char schema_0003[];
extern const char schema_0003_index[];
extern const char seed_sql[];

#endif
