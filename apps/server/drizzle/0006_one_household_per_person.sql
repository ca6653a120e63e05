-- A person belongs to at most one household at a time (memberships that ended keep their rows).
CREATE UNIQUE INDEX household_member_current_uq ON household_member (person_id) WHERE left_on IS NULL;
