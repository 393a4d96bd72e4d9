-- The month a plan's benefit year starts in (1 = January, the calendar year): the annual
-- maximum and the deductible count the claims of the twelve months from its first day.
alter table insurance_plan add column benefit_year_start_month integer default 1 not null;
alter table insurance_plan add constraint ck_insurance_plan_benefit_year
    check (benefit_year_start_month between 1 and 12);
