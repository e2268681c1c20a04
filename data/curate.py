#!/usr/bin/env python3
"""Re-creates the tidy CSVs in this folder from /work/shared/data-candidates (filtering and reshaping only).

Values are copied as text, never re-formatted. Not run at build or test time; kept for provenance.
Usage: python3 data/curate.py [candidates_dir]
"""
import csv, os, sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data-candidates"
OUT = os.path.dirname(os.path.abspath(__file__))


def rows(name):
    with open(os.path.join(SRC, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write(name, header, data):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in data:
            w.writerow(r)
    print(f"{name}: {len(data)} rows")


def group(label):
    """'0' -> (0,0); '1-4' -> (1,4); '100+' -> (100,'')."""
    if label.endswith("+"):
        return label[:-1], ""
    if "-" in label:
        a, b = label.split("-")
        return a, b
    return label, label


def period(label):
    a, b = label.split("-")
    return a, b


def mx_group(age_start):
    """WPP abridged age_start 0,1,5,...,95,100(+) -> (start, end)."""
    s = age_start.rstrip("+")
    i = int(s)
    if i == 0:
        return "0", "0"
    if i == 1:
        return "1", "4"
    if i == 100:
        return "100", ""
    return s, str(i + 4)


# 1. census population by province, 5-year group
out = []
for r in rows("cn_census_province_pop_age_sex.csv"):
    if r["census_year"] in ("2010", "2020") and r["residence"] == "total" and r["age_group"] != "all" and r["sex"] != "total":
        a, b = group(r["age_group"])
        out.append([r["census_year"], r["province_code"], r["sex"], a, b, r["population"]])
write("census_population_province_age5.csv",
      ["census_year", "region_code", "sex", "age_start", "age_end", "population"], out)

# 2. census national single age
out = []
for r in rows("cn_census_national_pop_deaths_single_age.csv"):
    if r["residence"] != "total":
        continue
    age = "100" if r["age"] == "100+" else r["age"]
    for sex in ("male", "female"):
        out.append([r["census_year"], sex, age, r[f"avg_pop_{sex}"], r[f"deaths_{sex}"]])
out.sort(key=lambda x: (int(x[0]), x[1] != "male", int(x[2])))
write("census_national_single_age.csv", ["census_year", "sex", "age", "average_population", "deaths"], out)

# 3. census 2020 education
out = []
for r in rows("cn_census_province_education_sex.csv"):
    if r["census_year"] == "2020" and r["residence"] == "total" and r["education"] != "all" and r["sex"] != "total":
        assert r["age_universe"] == "3+"
        out.append([r["province_code"], r["sex"], r["education"], r["population"]])
write("census2020_education_province_sex.csv", ["region_code", "sex", "education", "population"], out)

# 4. WPP 2024
write("wpp2024_tfr.csv", ["year", "variant", "tfr"],
      [[r["year"], r["variant"], r["tfr"]] for r in rows("wpp2024_china_tfr.csv")])
write("wpp2024_pasfr.csv", ["year", "age_start", "age_end", "pasfr_percent"],
      [[r["year"], *group(r["age_group"]), r["pasfr_percent"]] for r in rows("wpp2024_china_pasfr_annual.csv")])
write("wpp2024_srb.csv", ["year", "srb_males_per_female"],
      [[r["year"], r["srb_males_per_female"]] for r in rows("wpp2024_china_srb.csv")])
write("wpp2024_e0.csv", ["year", "sex", "variant", "e0_years"],
      [[r["year"], r["sex"], r["variant"], r["e0_years"]] for r in rows("wpp2024_china_e0.csv")])
out = []
src = rows("wpp2024_china_mx_abridged.csv")
for sex in ("male", "female", "both"):
    for r in src:
        out.append([*period(r["period"]), sex, *mx_group(r["age_start"]), r[f"mx_{sex}"]])
write("wpp2024_mx_abridged.csv", ["period_start", "period_end", "sex", "age_start", "age_end", "mx"], out)
out = []
src = rows("wpp2024_china_net_migration_by_age.csv")
for sex in ("male", "female"):
    for r in src:
        out.append([r["year"], sex, r["age"], r[f"net_migrants_{sex}_thousands"]])
out.sort(key=lambda x: (int(x[0]), x[1] != "male", int(x[2])))
write("wpp2024_net_migration_by_age.csv", ["year", "sex", "age", "net_migrants_thousands"], out)
write("wpp2024_population_total.csv", ["year", "pop_male_thousands", "pop_female_thousands", "pop_total_thousands"],
      [[r["year"], r["pop_male_median"], r["pop_female_median"], r["pop_total_median"]]
       for r in rows("wpp2024_china_population_total_projection.csv")])
write("wpp2024_vital_totals.csv", ["year", "variant", "births_thousands", "deaths_thousands"],
      [[r["year"], r["variant"], r["births_thousands"], r["deaths_thousands"]] for r in rows("wpp2024_china_vital_totals.csv")])

# 5. WPP 2019 (validation set): estimate + medium only
write("wpp2019_population_age5.csv", ["year", "variant", "sex", "age_start", "age_end", "pop_thousands"],
      [[r["year"], r["variant"], r["sex"], *group(r["age_group"]), r["pop_thousands"]]
       for r in rows("wpp2019_china_population_age5.csv") if r["variant"] in ("estimate", "medium")])
write("wpp2019_mx_abridged.csv", ["period_start", "period_end", "sex", "age_start", "age_end", "mx"],
      [[*period(r["period"]), r["sex"], *mx_group(r["age_start"]), r["mx"]] for r in rows("wpp2019_china_mx_abridged.csv")])
ind = rows("wpp2019_china_indicators.csv")
write("wpp2019_tfr.csv", ["period_start", "period_end", "variant", "tfr"],
      [[*period(r["period"]), r["variant"], r["value"]] for r in ind
       if r["indicator"] == "tfr" and r["variant"] in ("estimate", "medium")])
write("wpp2019_pasfr.csv", ["period_start", "period_end", "age_start", "age_end", "pasfr_percent"],
      [[*period(r["period"]), *group(r["age_group"]), r["value"]] for r in ind if r["indicator"] == "pasfr_percent"])
write("wpp2019_srb.csv", ["period_start", "period_end", "srb"],
      [[*period(r["period"]), r["value"]] for r in ind if r["indicator"] == "srb"])
write("wpp2019_net_migration.csv", ["period_start", "period_end", "net_migrants_thousands_per_period"],
      [[*period(r["period"]), r["value"]] for r in ind if r["indicator"] == "net_migrants_thousands_per_period"])
write("wpp2019_e0.csv", ["period_start", "period_end", "sex", "variant", "e0_years"],
      [[*period(r["period"]), r["sex"], r["variant"], r["value"]] for r in ind if r["indicator"] == "e0"])

# 6. Wittgenstein Centre 2018, SSP2 (scenario_id 2)
EDU = {"Under 15": "under_15", "No Education": "no_education", "Incomplete Primary": "incomplete_primary",
       "Primary": "primary", "Lower Secondary": "lower_secondary", "Upper Secondary": "upper_secondary",
       "Post Secondary": "post_secondary"}
DETAIL = {"Short Post Secondary", "Bachelor", "Master and higher"}
out = []
for r in rows("wic2018_china_population_age_sex_education.csv"):
    if r["scenario_id"] != "2" or r["education"] in DETAIL:
        continue
    out.append([r["year"], *group(r["age_group"]), r["sex"], EDU[r["education"]], r["pop_thousands"]])
write("wic2018_ssp2_population_age_sex_education.csv",
      ["year", "age_start", "age_end", "sex", "education", "pop_thousands"], out)
write("wic2018_ssp2_mean_years_schooling.csv", ["year", "age_start", "age_end", "sex", "mean_years_schooling"],
      [[r["year"], *group(r["age_group"]), r["sex"], r["mean_years_schooling"]]
       for r in rows("wic2018_china_mean_years_schooling.csv") if r["scenario_id"] == "2"])
write("wic2018_ssp2_population_age_sex.csv", ["year", "age_start", "age_end", "sex", "pop_thousands"],
      [[r["year"], *group(r["age_group"]), r["sex"], r["pop_thousands"]]
       for r in rows("wic2018_china_population_age_sex.csv") if r["scenario_id"] == "2"])
