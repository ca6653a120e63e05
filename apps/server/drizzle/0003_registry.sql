CREATE TABLE "household" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"head_person_id" uuid NOT NULL,
	"address" text NOT NULL,
	"region_code" text NOT NULL,
	"urban_rural" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "household_member" (
	"household_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"joined_on" date NOT NULL,
	"relation" text NOT NULL,
	"join_reason" text,
	"left_on" date,
	"leave_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_member_household_id_person_id_joined_on_pk" PRIMARY KEY("household_id","person_id","joined_on")
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"id_number_enc" text,
	"id_number_index" text,
	"id_number_masked" text,
	"no_id_reason" text,
	"name" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_initials" text NOT NULL,
	"sort_key" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"ethnicity" text DEFAULT '01' NOT NULL,
	"phone_enc" text,
	"phone_index" text,
	"phone_masked" text,
	"hukou_region_code" text NOT NULL,
	"residence_region_code" text,
	"living_status" text DEFAULT 'alive' NOT NULL,
	"death_date" date,
	"death_source" text,
	"disability_category" text,
	"disability_grade" integer,
	"serious_illness" boolean DEFAULT false NOT NULL,
	"labour_capacity" text DEFAULT 'unknown' NOT NULL,
	"merged_into" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_id_number_index_unique" UNIQUE("id_number_index")
);
--> statement-breakpoint
ALTER TABLE "household" ADD CONSTRAINT "household_head_person_id_person_id_fk" FOREIGN KEY ("head_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_member" ADD CONSTRAINT "household_member_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_member" ADD CONSTRAINT "household_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_region_idx" ON "household" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "household_member_person_idx" ON "household_member" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_hukou_idx" ON "person" USING btree ("hukou_region_code");--> statement-breakpoint
CREATE INDEX "person_pinyin_idx" ON "person" USING btree ("name_pinyin");--> statement-breakpoint
CREATE INDEX "person_name_idx" ON "person" USING btree ("name");--> statement-breakpoint
CREATE INDEX "person_birth_idx" ON "person" USING btree ("birth_date","name");