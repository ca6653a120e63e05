CREATE TABLE "registry_import_error" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"cells_enc" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_import_error_row_unique" UNIQUE("job_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "registry_import_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"content_enc" text,
	"headers" jsonb,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"counts" jsonb NOT NULL,
	"created_by" uuid,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_import_file_job_id_unique" UNIQUE("job_id")
);
--> statement-breakpoint
ALTER TABLE "registry_import_error" ADD CONSTRAINT "registry_import_error_job_id_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_import_file" ADD CONSTRAINT "registry_import_file_job_id_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_import_file_sha_idx" ON "registry_import_file" USING btree ("created_by","sha256");