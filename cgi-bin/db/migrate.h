/* migrate.h: numbered SQL migrations applied in order, each in a transaction, with a checksum. */
#ifndef STARCERT_MIGRATE_H
#define STARCERT_MIGRATE_H

#include <stdio.h>
#include <libpq-fe.h>

/*
 * migrate_run: apply, in order, the files DIR/NNNN_name.sql not yet
 * recorded in schema_migrations, each in its own transaction together
 * with its record (version, name, SHA-256).  An applied file whose
 * checksum changed, a gap or a duplicate number stops everything with an
 * error.  Progress goes to out.  Returns the number applied, or -1.
 */
int	migrate_run(PGconn *, const char *dir, FILE *out);

/* migrate_checksum: the lower-case hex SHA-256 of data into hex[65]. */
void	migrate_checksum(const void *data, size_t len, char hex[65]);

#endif
