CREATE SCHEMA "eligibility";
--> statement-breakpoint
CREATE SCHEMA "evaluation";
--> statement-breakpoint
CREATE SCHEMA "families";
--> statement-breakpoint
CREATE SCHEMA "outcomes";
--> statement-breakpoint
CREATE SCHEMA "pipeline";
--> statement-breakpoint
CREATE TYPE "eligibility"."headline_problem" AS ENUM('CRIME_ASB', 'EDUCATION', 'CHILDREN_IN_NEED', 'WORKLESSNESS', 'DOMESTIC_ABUSE', 'HEALTH');--> statement-breakpoint
CREATE TYPE "eligibility"."indicator_kind" AS ENUM('EVICTION', 'HOMELESSNESS_APPLICATION', 'WEEKS_HOMELESS', 'RENT_ARREARS', 'ASB_NO_FURTHER_INVESTIGATION', 'ASB_FURTHER_INVESTIGATION', 'DOMESTIC_VIOLENCE', 'POLICE_CALL_OUT', 'ALCOHOL_DEPENDENCY', 'DRUG_DEPENDENCY', 'NEET', 'MISSING_FROM_EDUCATION', 'MENTAL_HEALTH');--> statement-breakpoint
CREATE TYPE "evaluation"."age_band" AS ENUM('AGE_0_4', 'AGE_5_9', 'AGE_10_15', 'AGE_16_17', 'AGE_18_24', 'AGE_25_34', 'AGE_35_49', 'AGE_50_64', 'AGE_65_PLUS');--> statement-breakpoint
CREATE TYPE "evaluation"."cohort" AS ENUM('TREATMENT', 'COMPARISON');--> statement-breakpoint
CREATE TYPE "evaluation"."sex" AS ENUM('FEMALE', 'MALE');--> statement-breakpoint
CREATE TYPE "evaluation"."window" AS ENUM('BEFORE_12', 'AFTER_6', 'AFTER_12', 'AFTER_18', 'AFTER_24');--> statement-breakpoint
CREATE TYPE "families"."cohort" AS ENUM('TREATMENT', 'COMPARISON');--> statement-breakpoint
CREATE TYPE "families"."ethnic_group" AS ENUM('WHITE_BRITISH', 'WHITE_IRISH', 'WHITE_GYPSY_OR_IRISH_TRAVELLER', 'WHITE_OTHER', 'MIXED_WHITE_BLACK_CARIBBEAN', 'MIXED_WHITE_BLACK_AFRICAN', 'MIXED_WHITE_ASIAN', 'MIXED_OTHER', 'ASIAN_INDIAN', 'ASIAN_PAKISTANI', 'ASIAN_BANGLADESHI', 'ASIAN_CHINESE', 'ASIAN_OTHER', 'BLACK_AFRICAN', 'BLACK_CARIBBEAN', 'BLACK_OTHER', 'ARAB', 'OTHER', 'NOT_KNOWN');--> statement-breakpoint
CREATE TYPE "families"."family_status" AS ENUM('ELIGIBLE', 'IN_INTERVENTION', 'COMPLETED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "families"."relationship" AS ENUM('MAIN_CARER', 'PARTNER', 'CHILD', 'OTHER_ADULT');--> statement-breakpoint
CREATE TYPE "families"."sex" AS ENUM('FEMALE', 'MALE');--> statement-breakpoint
CREATE TYPE "outcomes"."benefit" AS ENUM('IS', 'JSA', 'ESA', 'UC');--> statement-breakpoint
CREATE TYPE "outcomes"."children_services_episode" AS ENUM('CHILD_IN_NEED', 'CHILD_PROTECTION_PLAN', 'LOOKED_AFTER');--> statement-breakpoint
CREATE TYPE "outcomes"."dataset" AS ENUM('PNC_OFFENCES', 'NPD_ATTENDANCE', 'NPD_EXCLUSIONS', 'DWP_BENEFIT_SPELLS', 'DFE_CHILDREN_SERVICES', 'HEALTH_CONTACTS', 'NDTMS_EPISODES');--> statement-breakpoint
CREATE TYPE "outcomes"."disposal" AS ENUM('CAUTION', 'CONVICTION', 'CUSTODIAL_SENTENCE');--> statement-breakpoint
CREATE TYPE "outcomes"."exclusion_category" AS ENUM('FIXED_PERIOD', 'PERMANENT');--> statement-breakpoint
CREATE TYPE "outcomes"."health_setting" AS ENUM('A_AND_E', 'MENTAL_HEALTH');--> statement-breakpoint
CREATE TYPE "outcomes"."link_method" AS ENUM('NINO', 'UPN', 'NAME_DOB_POSTCODE');--> statement-breakpoint
CREATE TYPE "outcomes"."offence_category" AS ENUM('VIOLENCE', 'THEFT', 'BURGLARY', 'CRIMINAL_DAMAGE', 'DRUGS', 'PUBLIC_ORDER', 'MOTORING', 'OTHER');--> statement-breakpoint
CREATE TYPE "outcomes"."sex" AS ENUM('FEMALE', 'MALE');--> statement-breakpoint
CREATE TYPE "outcomes"."substance" AS ENUM('OPIATES', 'NON_OPIATES', 'ALCOHOL', 'ALCOHOL_AND_NON_OPIATES');--> statement-breakpoint
CREATE TYPE "outcomes"."term" AS ENUM('AUTUMN', 'SPRING', 'SUMMER');--> statement-breakpoint
CREATE TYPE "pipeline"."run_status" AS ENUM('loading', 'ready', 'failed');--> statement-breakpoint
CREATE TABLE "eligibility"."family_problems" (
	"family_id" uuid NOT NULL,
	"la_code" varchar(9) NOT NULL,
	"problem" "eligibility"."headline_problem" NOT NULL,
	"identified_on" date NOT NULL,
	CONSTRAINT "family_problems_family_id_problem_pk" PRIMARY KEY("family_id","problem")
);
--> statement-breakpoint
CREATE TABLE "eligibility"."indicators" (
	"id" bigint PRIMARY KEY NOT NULL,
	"family_id" uuid NOT NULL,
	"person_id" uuid,
	"la_code" varchar(9) NOT NULL,
	"kind" "eligibility"."indicator_kind" NOT NULL,
	"recorded_on" date NOT NULL,
	"value" numeric(10, 2)
);
--> statement-breakpoint
CREATE TABLE "eligibility"."person_problems" (
	"person_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"la_code" varchar(9) NOT NULL,
	"problem" "eligibility"."headline_problem" NOT NULL,
	"identified_on" date NOT NULL,
	CONSTRAINT "person_problems_person_id_problem_pk" PRIMARY KEY("person_id","problem")
);
--> statement-breakpoint
CREATE TABLE "evaluation"."person_windows" (
	"person_key" varchar(24) NOT NULL,
	"family_key" varchar(24) NOT NULL,
	"la_code" varchar(9) NOT NULL,
	"region_code" varchar(9) NOT NULL,
	"region_name" text NOT NULL,
	"cohort" "evaluation"."cohort" NOT NULL,
	"age_band" "evaluation"."age_band" NOT NULL,
	"sex" "evaluation"."sex" NOT NULL,
	"problems" smallint NOT NULL,
	"time_window" "evaluation"."window" NOT NULL,
	"cautioned" boolean NOT NULL,
	"convicted" boolean NOT NULL,
	"custodial_sentence" boolean NOT NULL,
	"persistently_absent" boolean NOT NULL,
	"excluded" boolean NOT NULL,
	"claiming_is" boolean NOT NULL,
	"claiming_jsa" boolean NOT NULL,
	"claiming_esa" boolean NOT NULL,
	"claiming_uc" boolean NOT NULL,
	"child_in_need" boolean NOT NULL,
	"child_protection_plan" boolean NOT NULL,
	"looked_after" boolean NOT NULL,
	"ae_attendance" boolean NOT NULL,
	"mental_health_contact" boolean NOT NULL,
	"drug_treatment" boolean NOT NULL,
	CONSTRAINT "person_windows_person_key_time_window_pk" PRIMARY KEY("person_key","time_window")
);
--> statement-breakpoint
CREATE TABLE "families"."families" (
	"id" uuid PRIMARY KEY NOT NULL,
	"la_code" varchar(9) NOT NULL,
	"case_reference" text NOT NULL,
	"cohort" "families"."cohort" NOT NULL,
	"status" "families"."family_status" NOT NULL,
	"assessment_date" date NOT NULL,
	"intervention_start" date,
	"intervention_end" date
);
--> statement-breakpoint
CREATE TABLE "families"."local_authorities" (
	"code" varchar(9) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" varchar(9) NOT NULL,
	"region_name" text NOT NULL,
	"dfe_number" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "families"."people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"family_id" uuid NOT NULL,
	"la_code" varchar(9) NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" "families"."sex" NOT NULL,
	"postcode" varchar(8) NOT NULL,
	"nino" varchar(9),
	"upn" varchar(13),
	"ethnic_group" "families"."ethnic_group" NOT NULL,
	"relationship" "families"."relationship" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcomes"."dfe_children_services" (
	"id" bigint PRIMARY KEY NOT NULL,
	"upn" varchar(13),
	"forename" text NOT NULL,
	"surname" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" "outcomes"."sex" NOT NULL,
	"postcode" varchar(8) NOT NULL,
	"episode" "outcomes"."children_services_episode" NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "outcomes"."dwp_benefit_spells" (
	"id" bigint PRIMARY KEY NOT NULL,
	"nino" varchar(9) NOT NULL,
	"forename" text NOT NULL,
	"surname" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" "outcomes"."sex" NOT NULL,
	"postcode" varchar(8) NOT NULL,
	"benefit" "outcomes"."benefit" NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "outcomes"."health_contacts" (
	"id" bigint PRIMARY KEY NOT NULL,
	"forename" text NOT NULL,
	"surname" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" "outcomes"."sex" NOT NULL,
	"postcode" varchar(8) NOT NULL,
	"setting" "outcomes"."health_setting" NOT NULL,
	"contact_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcomes"."linkage" (
	"dataset" "outcomes"."dataset" NOT NULL,
	"record_id" bigint NOT NULL,
	"person_id" uuid NOT NULL,
	"method" "outcomes"."link_method" NOT NULL,
	"match_weight" real NOT NULL,
	CONSTRAINT "linkage_dataset_record_id_pk" PRIMARY KEY("dataset","record_id")
);
--> statement-breakpoint
CREATE TABLE "outcomes"."linkage_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"records" integer NOT NULL,
	"linked" integer NOT NULL,
	"report" jsonb NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "outcomes"."ndtms_episodes" (
	"id" bigint PRIMARY KEY NOT NULL,
	"forename" text NOT NULL,
	"surname" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" "outcomes"."sex" NOT NULL,
	"postcode" varchar(8) NOT NULL,
	"substance" "outcomes"."substance" NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "outcomes"."npd_attendance" (
	"id" bigint PRIMARY KEY NOT NULL,
	"upn" varchar(13) NOT NULL,
	"forename" text NOT NULL,
	"surname" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" "outcomes"."sex" NOT NULL,
	"postcode" varchar(8) NOT NULL,
	"academic_year" varchar(7) NOT NULL,
	"term" "outcomes"."term" NOT NULL,
	"term_start" date NOT NULL,
	"sessions_possible" smallint NOT NULL,
	"sessions_authorised_absence" smallint NOT NULL,
	"sessions_unauthorised_absence" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcomes"."npd_exclusions" (
	"id" bigint PRIMARY KEY NOT NULL,
	"upn" varchar(13) NOT NULL,
	"forename" text NOT NULL,
	"surname" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" "outcomes"."sex" NOT NULL,
	"postcode" varchar(8) NOT NULL,
	"exclusion_date" date NOT NULL,
	"category" "outcomes"."exclusion_category" NOT NULL,
	"sessions" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcomes"."pnc_offences" (
	"id" bigint PRIMARY KEY NOT NULL,
	"pnc_id" varchar(12) NOT NULL,
	"forename" text NOT NULL,
	"surname" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" "outcomes"."sex" NOT NULL,
	"postcode" varchar(8) NOT NULL,
	"offence_date" date NOT NULL,
	"category" "outcomes"."offence_category" NOT NULL,
	"disposal" "outcomes"."disposal" NOT NULL,
	"disposal_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pipeline"."runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"status" "pipeline"."run_status" NOT NULL,
	"seed" integer NOT NULL,
	"families" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"summary" jsonb,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "families"."families" ADD CONSTRAINT "families_la_code_local_authorities_code_fk" FOREIGN KEY ("la_code") REFERENCES "families"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "families"."people" ADD CONSTRAINT "people_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "families"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicators_family_id" ON "eligibility"."indicators" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "indicators_person_id" ON "eligibility"."indicators" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_problems_family_id" ON "eligibility"."person_problems" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "person_windows_window_cohort" ON "evaluation"."person_windows" USING btree ("time_window","cohort");--> statement-breakpoint
CREATE INDEX "person_windows_la" ON "evaluation"."person_windows" USING btree ("la_code");--> statement-breakpoint
CREATE UNIQUE INDEX "families_la_case_reference" ON "families"."families" USING btree ("la_code","case_reference");--> statement-breakpoint
CREATE INDEX "families_la_id" ON "families"."families" USING btree ("la_code","id");--> statement-breakpoint
CREATE INDEX "families_cohort_id" ON "families"."families" USING btree ("cohort","id");--> statement-breakpoint
CREATE INDEX "people_family_id" ON "families"."people" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "people_nino" ON "families"."people" USING btree ("nino");--> statement-breakpoint
CREATE INDEX "people_upn" ON "families"."people" USING btree ("upn");--> statement-breakpoint
CREATE INDEX "people_dob" ON "families"."people" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "linkage_person_dataset" ON "outcomes"."linkage" USING btree ("person_id","dataset");