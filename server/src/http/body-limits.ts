/**
 * How many bytes of request body Weir reads. Every route reads at most 1 MiB, far above any JSON
 * form it takes, so an anonymous caller cannot make Weir buffer and parse megabytes (a 60 MB login
 * body cost 1.7 s and 185 MB before). A body declared larger is refused from its Content-Length
 * with 413 before a byte of it is read; one sent without a length is cut off at the limit.
 */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The jar upload reads up to 64 MiB. It is an operator route, and the role is checked in the
 * onRequest hook, which runs before any body is read: nobody else gets this far.
 */
export const JAR_UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024;
