-- Prefix searches (scope filters, pinyin and name prefixes) use these whatever the database collation.
CREATE INDEX person_hukou_prefix_idx ON person (hukou_region_code text_pattern_ops);
--> statement-breakpoint
CREATE INDEX person_residence_prefix_idx ON person (residence_region_code text_pattern_ops);
--> statement-breakpoint
CREATE INDEX person_pinyin_prefix_idx ON person (name_pinyin text_pattern_ops);
--> statement-breakpoint
CREATE INDEX person_initials_prefix_idx ON person (name_initials text_pattern_ops);
--> statement-breakpoint
CREATE INDEX person_name_prefix_idx ON person (name text_pattern_ops);
--> statement-breakpoint
CREATE INDEX person_sort_idx ON person (sort_key, id);
--> statement-breakpoint
CREATE INDEX household_region_prefix_idx ON household (region_code text_pattern_ops);
