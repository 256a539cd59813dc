/* The shop database: opening with the pragmas the books need, numbered
 * migrations, short BEGIN IMMEDIATE transactions retried on SQLITE_BUSY, and
 * a cache of statements prepared once per connection. */
#ifndef COMPTOIR_DB_H
#define COMPTOIR_DB_H

#include <stddef.h>
#include <stdint.h>

struct db;
struct sqlite3_stmt;

enum db_status {
	DB_OK = 0,
	DB_ERROR = -1,     /* SQLite failed; *err says why */
	DB_NOTFOUND = -2,
	DB_NOTSHOP = -3,   /* the file is not a comptoir database */
	DB_TOONEW = -4,    /* made by a newer comptoir */
	DB_CONSTRAINT = -5,
};

/* Opens path. With `create`, a missing file is created; without it, a
 * missing file is DB_NOTFOUND.  The file must be SQLite and either empty or
 * comptoir's (application_id). Sets WAL, synchronous=FULL, foreign keys,
 * and a busy timeout. *out is released with db_close(). */
int db_open(const char *path, int create, struct db **out, char **err);
void db_close(struct db *db);

/* Brings the schema to the newest version, one migration per transaction.
 * Returns DB_OK, DB_TOONEW or DB_ERROR. */
int db_migrate(struct db *db, char **err);
/* Runs migrations up to `version` only (tests). */
int db_migrate_to(struct db *db, int version, char **err);
int db_schema_version(struct db *db);
/* The newest schema version this build knows. */
int db_schema_latest(void);

/* BEGIN IMMEDIATE, retrying while another writer holds the lock (never
 * reported as an error unless it lasts past a minute). */
int db_begin(struct db *db, char **err);
/* COMMIT; an error here means the outcome is unknown to the caller. */
int db_commit(struct db *db, char **err);
void db_rollback(struct db *db);

/* Runs SQL text without results (migrations, tests). */
int db_exec(struct db *db, const char *sql, char **err);

/* A human-readable message for the last SQLite error, for error_set. */
const char *db_errmsg(struct db *db);

#endif
