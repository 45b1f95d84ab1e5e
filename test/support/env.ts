/**
 * The test suite's one reader of the environment: which extra database to run
 * the integration suites against. Unset, they run on the embedded database only.
 */
export const TEST_DATABASE_URL: string | undefined = process.env.TEST_DATABASE_URL || undefined;

/** Log level of the services the suites start (silent unless debugging). */
export const TEST_LOG_LEVEL: string | undefined = process.env.TEST_LOG_LEVEL || undefined;
