import path from 'node:path';

/** SQLite file by default; PostgreSQL when DATABASE_CLIENT=postgres (the scale path). */
export default ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  if (client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: {
          host: env('DATABASE_HOST', '127.0.0.1'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'strapi'),
          user: env('DATABASE_USERNAME', 'postgres'),
          password: env('DATABASE_PASSWORD', ''),
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool: { min: 0, max: env.int('DATABASE_POOL_MAX', 10) },
      },
    };
  }
  return {
    connection: {
      client: 'sqlite',
      connection: {
        filename: path.resolve(env('DATABASE_FILENAME', path.join('.tmp', 'data.db'))),
      },
      useNullAsDefault: true,
      pool: {
        // Write-ahead log: readers do not wait for the writer, and a commit does not wait for
        // the disk (synchronous=NORMAL keeps the file consistent after any crash; only a power
        // loss can take back the last commits).
        afterCreate: (connection, done) => {
          connection.pragma('journal_mode = WAL');
          connection.pragma('synchronous = NORMAL');
          done();
        },
      },
    },
  };
};
