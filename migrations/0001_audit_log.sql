CREATE SCHEMA "audit";
--> statement-breakpoint
CREATE TABLE "audit"."access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" varchar(64) NOT NULL,
	"subject" text NOT NULL,
	"role" varchar(16) NOT NULL,
	"la_code" varchar(9),
	"operation_name" text,
	"document_hash" varchar(64) NOT NULL,
	"coordinates" text[] NOT NULL,
	"record_counts" jsonb NOT NULL,
	"denied" text[] NOT NULL
);
--> statement-breakpoint
CREATE INDEX "access_log_occurred_at" ON "audit"."access_log" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "access_log_subject" ON "audit"."access_log" USING btree ("subject");