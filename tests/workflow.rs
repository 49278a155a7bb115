//! The reporting workflow: transitions allowed and refused
//! (`golden/workflow.txt`), the audit trail, submission of an invalid report,
//! and the roll-up of accepted reports with missing and late units.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use dxplan::defaults;
use dxplan::kpi::AdminLevel;
use dxplan::rules::RuleSet;
use dxplan::validation::Validator;
use dxplan::workflow::{apply, rollup, Action, ReportRecord, Role, State, Transition};
use dxplan_tests::{example_json, read_table};
use serde_json::json;

fn transition(name: &str) -> Transition {
    serde_json::from_value(example_json(&format!("workflow/{name}.json"))).unwrap()
}

fn draft() -> ReportRecord {
    serde_json::from_value(example_json("workflow/draft.json")).unwrap()
}

/// The record in `state`, reached through the example transitions.
fn reach(v: &Validator<&RuleSet>, state: &str) -> ReportRecord {
    let path: &[&str] = match state {
        "draft" => &[],
        "submitted" => &["submit"],
        "returned" => &["submit", "return"],
        "resubmitted" => &["submit", "return", "resubmit"],
        "accepted" => &["submit", "accept"],
        "consolidated" => &["submit", "accept", "consolidate"],
        other => panic!("state {other}"),
    };
    let mut r = draft();
    for t in path {
        r = apply(v, &r, &transition(t), None).unwrap();
    }
    r
}

#[test]
fn transitions_allowed_and_refused() {
    let rules = defaults::rules();
    let v = Validator::new(rules);
    for row in read_table("workflow.txt", 4) {
        let ctx = format!("line {} ({})", row.line, row.citation);
        let from = reach(&v, row.cell(0));
        let before = from.clone();
        let mut t = transition(row.cell(1));
        t.by.role = serde_json::from_value(json!(row.cell(2))).unwrap();
        let result = apply(&v, &from, &t, None);
        assert_eq!(from, before, "{ctx}: record mutated");
        match result {
            Ok(next) => {
                let state = serde_json::to_value(next.state).unwrap();
                assert_eq!(state, json!(row.cell(3)), "{ctx}");
                let last = next.history.last().unwrap();
                assert_eq!(
                    (last.from, last.to, last.action),
                    (from.state, next.state, t.action),
                    "{ctx}"
                );
                assert_eq!(next.history.len(), from.history.len() + 1, "{ctx}");
            }
            Err(d) => {
                assert_eq!(d[0].code.as_str(), row.cell(3), "{ctx}: {d:#?}");
                assert!(d[0].path.is_some() && !d[0].message.vi.is_empty(), "{ctx}");
            }
        }
    }
}

/// The full example path: who, when, from, to, note and reasons are kept;
/// the deadline is the seed's (000 §VII.1: before 20/09/2025 → 19/09/2025).
#[test]
fn audit_trail() {
    let v = Validator::new(defaults::rules());
    let r = reach(&v, "resubmitted");
    let r = apply(&v, &r, &transition("accept"), None).unwrap();
    assert_eq!(r.state, State::Accepted);
    assert_eq!(r.reviewer, Some(Role::CityOffice));
    assert_eq!(r.submitted_on.unwrap().to_string(), "2025-09-15");
    assert_eq!(r.deadline.unwrap().to_string(), "2025-09-19");
    assert!(!r.late());
    let actions: Vec<Action> = r.history.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        [
            Action::Submit,
            Action::Return,
            Action::Resubmit,
            Action::Accept
        ]
    );
    let ret = &r.history[1];
    assert_eq!(ret.reasons.len(), 2);
    assert_eq!(ret.by.name, "Phòng Văn hóa và Thông tin thành phố");
    assert_eq!(ret.at.to_string(), "2025-09-16 14:00:00");
    assert_eq!((ret.from, ret.to), (State::Submitted, State::Returned));
    // The record round-trips through the JSON the caller stores.
    let stored = serde_json::to_string(&r).unwrap();
    assert_eq!(serde_json::from_str::<ReportRecord>(&stored).unwrap(), r);
}

#[test]
fn invalid_report_cannot_be_submitted() {
    let v = Validator::new(defaults::rules());
    let mut d = draft();
    d.report["appendices"]["investments"][0]["disbursed"] = json!(200000000);
    let err = apply(&v, &d, &transition("submit"), None).unwrap_err();
    assert_eq!(err[0].code.as_str(), "workflow.report_invalid");
    assert!(err.iter().any(|x| x.code.as_str() == "report.exceeds"
        && x.path.as_deref() == Some("/appendices/investments/0/disbursed")));
    // The corrected report comes with the resubmission... or here with the submission.
    let mut t = transition("submit");
    t.report = Some(example_json("workflow/draft.json")["report"].clone());
    assert_eq!(apply(&v, &d, &t, None).unwrap().state, State::Submitted);
}

/// The city's half-year report goes to the provincial department (000 §VII.2),
/// which is then the only role that may accept it.
#[test]
fn city_report_is_reviewed_by_the_province() {
    let v = Validator::new(defaults::rules());
    let mut report = example_json("reports/valid/half_year.json");
    report["unit"] = json!({"id": "tp-kon-tum", "name": "UBND thành phố Kon Tum", "level": "city"});
    report["values"] = json!({});
    report["outline"]["situation"]["grassroots_radio"] =
        json!("Các xã, phường duy trì chuyên mục chuyển đổi số hằng tuần.");
    let t = |action: &str, role: &str, at: &str| -> Transition {
        serde_json::from_value(
            json!({"action": action, "by": {"role": role, "name": "x"}, "at": at}),
        )
        .unwrap()
    };
    let sent = apply(
        &v,
        &ReportRecord::new(report),
        &t("submit", "city_office", "2025-06-18"),
        None,
    )
    .unwrap();
    assert_eq!(sent.reviewer, Some(Role::ProvinceDepartment));
    assert!(apply(&v, &sent, &t("accept", "city_office", "2025-06-19"), None).is_err());
    assert_eq!(
        apply(
            &v,
            &sent,
            &t("accept", "province_department", "2025-06-19"),
            None
        )
        .unwrap()
        .state,
        State::Accepted
    );
}

/// Roll-up of accepted reports: KPI sums, missing units, late units.
#[test]
fn rollup_of_accepted_reports() {
    let rules = defaults::rules();
    let v = Validator::new(rules);
    let on_time = reach(&v, "accepted");
    // A second ward sends on 22/09/2025, after the last on-time day 19/09 (000 §VII.1).
    let mut other = draft();
    other.report["unit"] =
        json!({"id": "phuong-thong-nhat", "name": "UBND phường Thống Nhất", "level": "commune"});
    other.report["values"]["dossiers_full_online"] = json!(480);
    other.report["values"]["dossiers_total"] = json!(800);
    let mut t = transition("submit");
    t.at = "2025-09-22T10:00".into();
    let late = apply(&v, &other, &t, None).unwrap();
    let mut acc = transition("accept");
    acc.at = "2025-09-23".into();
    let late = apply(&v, &late, &acc, None).unwrap();
    assert!(late.late());
    let mut duy_tan = draft();
    duy_tan.report["unit"]["id"] = json!("phuong-duy-tan");
    let sent = apply(&v, &duy_tan, &transition("submit"), None).unwrap();
    let returned_other = apply(&v, &sent, &transition("return"), None).unwrap();
    let expected: Vec<String> = [
        "phuong-quyet-thang",
        "phuong-thong-nhat",
        "phuong-duy-tan",
        "phuong-le-loi",
    ]
    .map(String::from)
    .to_vec();
    let r = rollup(
        rules,
        &[on_time, late, returned_other],
        &expected,
        AdminLevel::City,
        &"2025-Q3".parse().unwrap(),
        "city-2025",
        None,
    );
    // (1320 + 480) / (1850 + 800) = 67.92 % ≥ 65 % (000 §III.3), not the mean of 71.35 % and 60 %.
    let rate = r
        .kpi
        .results
        .iter()
        .find(|x| x.id() == "full_online_dossiers_rate")
        .unwrap();
    assert_eq!(rate.value.unwrap().to_decimal(2), "67.92");
    assert_eq!(r.missing, ["phuong-duy-tan", "phuong-le-loi"]);
    assert_eq!(
        r.not_accepted,
        [("phuong-duy-tan".to_string(), State::Returned)]
    );
    assert_eq!(r.late.len(), 1);
    assert_eq!(
        (r.late[0].unit.as_str(), r.late[0].days_late),
        ("phuong-thong-nhat", 3)
    );
}

/// Writes `text` to `rel` (from the repository root) under `DXPLAN_BLESS`,
/// else asserts the file holds it.
fn current(rel: &str, text: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(rel);
    if std::env::var_os("DXPLAN_BLESS").is_some() {
        std::fs::write(&path, text).unwrap();
        return;
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == text,
        "{rel} is not what the engine writes now: DXPLAN_BLESS=1 cargo test -p dxplan-tests --test workflow"
    );
}

/// The example records of every state (examples/workflow/STATE.json) are
/// what the engine writes for the example transitions: sealed, and current.
#[test]
fn example_records_are_sealed_and_current() {
    let v = Validator::new(defaults::rules());
    for state in [
        "submitted",
        "returned",
        "resubmitted",
        "accepted",
        "consolidated",
    ] {
        let r = reach(&v, state);
        dxplan::workflow::verify(&r, None).unwrap();
        let mut text = serde_json::to_string_pretty(&r).unwrap();
        text.push('\n');
        current(&format!("examples/workflow/{state}.json"), &text);
    }
    // The four hand edits of issue 16, for `dxplan workflow verify`
    // (tests/golden/cli/workflow_verify_tampered.snap).
    let accepted = reach(&v, "accepted");
    let submitted = reach(&v, "submitted");
    let edits: [(&str, ReportRecord); 4] = [
        ("reviewer", {
            let mut r = submitted.clone();
            r.reviewer = Some(Role::Unit);
            r
        }),
        ("no-history", {
            let mut r = draft();
            r.state = State::Accepted;
            r
        }),
        ("values", {
            let mut r = accepted.clone();
            r.report["values"]["dossiers_full_online"] = json!(1850);
            r
        }),
        ("moved", {
            let mut r = accepted.clone();
            r.history[0].at = "2025-01-01T00:00:00".parse().unwrap();
            r
        }),
    ];
    for (name, r) in edits {
        assert!(dxplan::workflow::verify(&r, None).is_err(), "{name}");
        let mut text = serde_json::to_string_pretty(&r).unwrap();
        text.push('\n');
        current(
            &format!("tests/golden/workflow/tampered-{name}.json"),
            &text,
        );
    }
}

/// The demo's records (web-demo/data/records-2025-q3.json) are their own
/// history replayed through the engine: sealed, and current.
#[test]
fn demo_records_are_their_history_replayed() {
    let v = Validator::new(defaults::rules());
    let rel = "web-demo/data/records-2025-q3.json";
    let mut data = dxplan_tests::repo_json(rel);
    let records: Vec<ReportRecord> = serde_json::from_value(data["records"].clone()).unwrap();
    let replayed: Vec<ReportRecord> = records
        .iter()
        .map(|old| {
            old.history
                .iter()
                .fold(ReportRecord::new(old.report.clone()), |r, e| {
                    let t = Transition {
                        action: e.action,
                        by: e.by.clone(),
                        at: e.at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                        note: e.note.clone(),
                        reasons: e.reasons.clone(),
                        report: None,
                    };
                    apply(&v, &r, &t, None).unwrap()
                })
        })
        .collect();
    for r in &replayed {
        dxplan::workflow::verify(r, None).unwrap();
    }
    data["records"] = serde_json::to_value(&replayed).unwrap();
    let mut text = serde_json::to_string_pretty(&data).unwrap();
    text.push('\n');
    current(rel, &text);
}

/// `rec` written as an old, unsealed record with its report changed by
/// `edit` (and the reviewer and deadline the plan gives that report), then
/// sealed once by the migration: a record that verifies, whatever it claims.
fn resealed(rec: &ReportRecord, edit: impl FnOnce(&mut ReportRecord)) -> ReportRecord {
    let v = Validator::new(defaults::rules());
    let mut old = rec.clone();
    for e in &mut old.history {
        e.seal.clear();
    }
    edit(&mut old);
    let sent = old.submitted_on.unwrap();
    let d = v.validate(&old.report, sent).deadline;
    old.reviewer = Some(
        d.as_ref()
            .map_or(Role::CityOffice, |d| match d.recipient.level {
                dxplan::Level::Unit => Role::Unit,
                dxplan::Level::CityOffice => Role::CityOffice,
                _ => Role::ProvinceDepartment,
            }),
    )
    .filter(|_| d.is_some());
    old.deadline = d.map(|d| d.status.deadline);
    let admin = dxplan::workflow::Actor {
        role: Role::CityOffice,
        name: "Quản trị hệ thống".into(),
    };
    dxplan::workflow::seal_unsealed(&v, &old, &admin, "2025-09-30T08:00", None).unwrap()
}

/// The city-2025 Q3 roll-up leaves out, each with a diagnostic naming it, a
/// dti-2022 record, a province-level one, a half-year report claiming Q3, a
/// record without a unit, both records of a unit that has two, and an
/// edited one (issue 16: they were all counted, `"reported":
/// ["phuong-quyet-thang", ""]`); which of two records is genuine is not the
/// roll-up's to guess, whatever their order.
#[test]
fn rollup_leaves_out_what_it_should_and_names_it() {
    let rules = defaults::rules();
    let v = Validator::new(rules);
    let genuine = reach(&v, "accepted");
    let mut edited = genuine.clone();
    edited.report["values"]["dossiers_full_online"] = json!(1850);
    let mut other = draft();
    other.report["unit"]["id"] = json!("phuong-thong-nhat");
    for t in ["submit", "accept"] {
        other = apply(&v, &other, &transition(t), None).unwrap();
    }
    let records = [
        genuine.clone(),
        resealed(&genuine, |r| {
            r.report["plan"] = json!("dti-2022");
            r.report["unit"]["id"] = json!("so-a");
            // dti-2022's reports go to the provincial department (003).
            r.history[1].by.role = Role::ProvinceDepartment;
        }),
        resealed(&genuine, |r| {
            r.report["unit"] =
                json!({"id": "tinh-kon-tum", "name": "UBND tỉnh", "level": "province"});
            r.history[0].by.role = Role::ProvinceDepartment;
        }),
        resealed(&genuine, |r| {
            r.report["kind"] = json!("half_year");
            r.report["unit"]["id"] = json!("phuong-thang-loi");
        }),
        resealed(&genuine, |r| r.report["unit"]["id"] = json!("")),
        genuine.clone(),
        edited,
        other,
    ];
    let r = rollup(
        rules,
        &records,
        &[],
        AdminLevel::City,
        &"2025-Q3".parse().unwrap(),
        "city-2025",
        None,
    );
    assert_eq!(r.kpi.units_reported, ["phuong-thong-nhat"]);
    let found: Vec<(&str, &str)> = r
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str().starts_with("workflow."))
        .map(|d| (d.code.as_str(), d.path.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        found,
        [
            ("workflow.left_out", "/0/report/unit/id"),
            ("workflow.left_out", "/1/report/plan"),
            ("workflow.left_out", "/2/report/unit/level"),
            ("workflow.left_out", "/3/report/kind"),
            ("workflow.left_out", "/4/report/unit/id"),
            ("workflow.left_out", "/5/report/unit/id"),
            ("workflow.tampered", "/6/report"),
        ]
    );
    assert!(r.diagnostics[5]
        .message
        .vi
        .contains("trùng đơn vị với hồ sơ 1"));
    assert!(r.diagnostics[0]
        .message
        .vi
        .contains("trùng đơn vị với hồ sơ 6"));
}

/// With the host's key, entries are HMAC-sealed: without the key they
/// cannot be checked, with another key they fail, and a chain re-sealed with
/// plain digests (what anyone who can edit records can compute) is refused.
#[test]
fn a_key_authenticates_the_chain() {
    use dxplan::workflow::{verify, SealKey};
    let v = Validator::new(defaults::rules());
    let key = SealKey::new(b"khoa bi mat cua cong dich vu 2025").unwrap();
    let other = SealKey::new(b"mot khoa khac, khong phai cua cong").unwrap();
    let mut r = draft();
    for t in ["submit", "accept"] {
        r = apply(&v, &r, &transition(t), Some(&key)).unwrap();
    }
    assert!(r.history.iter().all(|e| e.seal.starts_with("hmac-sha256:")));
    assert!(verify(&r, Some(&key)).is_ok());
    assert_eq!(
        verify(&r, None).unwrap_err()[0].code.as_str(),
        "workflow.key_required"
    );
    let wrong = verify(&r, Some(&other)).unwrap_err();
    assert_eq!(
        (wrong[0].code.as_str(), wrong[0].path.as_deref()),
        ("workflow.tampered", Some("/history/0"))
    );
    // Applying with the key continues the chain; a plain re-seal does not pass.
    assert!(apply(&v, &r, &transition("consolidate"), Some(&key)).is_ok());
    let forged = resealed(&r, |rec| {
        rec.report["values"]["dossiers_full_online"] = json!(1850)
    });
    assert!(verify(&forged, None).is_ok()); // a digest chain anyone can recompute…
    let refused = apply(&v, &forged, &transition("consolidate"), Some(&key)).unwrap_err();
    assert_eq!(refused[0].code.as_str(), "workflow.tampered"); // …is not the key's
}

/// A draft was never sent: the roll-up counts its unit as missing and does
/// not list it among the reports received (the reviewer is not told a draft
/// exists).
#[test]
fn a_draft_is_not_a_report_received() {
    let rules = defaults::rules();
    let v = Validator::new(rules);
    let r = rollup(
        rules,
        &[draft(), reach(&v, "returned")],
        &["phuong-quyet-thang".to_string()],
        AdminLevel::City,
        &"2025-Q3".parse().unwrap(),
        "city-2025",
        None,
    );
    // Not a second record of the unit either: the returned one is listed.
    assert_eq!(
        r.not_accepted,
        [("phuong-quyet-thang".to_string(), State::Returned)]
    );
    assert_eq!(r.missing, ["phuong-quyet-thang"]);
    let only_draft = rollup(
        rules,
        &[draft()],
        &["phuong-quyet-thang".to_string()],
        AdminLevel::City,
        &"2025-Q3".parse().unwrap(),
        "city-2025",
        None,
    );
    assert!(
        only_draft.not_accepted.is_empty()
            && only_draft
                .diagnostics
                .iter()
                .all(|d| d.code.as_str() != "workflow.left_out")
    );
    assert_eq!(only_draft.missing, ["phuong-quyet-thang"]);
}
