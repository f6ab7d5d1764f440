/* app.h: one request from FastCGI parameters to the response and its log line. */
#ifndef STARCERT_APP_H
#define STARCERT_APP_H

struct config;

/* app_init: before forking: the route table is sound, the blob store and password hashing ready; 0 or -1. */
int	app_init(const struct config *);
/* app_worker_init / app_worker_done: per-worker state (buffers, arena). */
void	app_worker_init(void);
void	app_worker_done(void);
/* app_print_routes: the route table, one "METHOD PATTERN ROLES NAME" line a route. */
void	app_print_routes(void);
/* app_handle: answer one accepted request (an FCGX_Request *). */
void	app_handle(void *fcgx_request);

#endif
