"""practice_quality as at a period's end, by hand: the six measures' "yes" for the
people with a conversation agreed in the period, with the latest conversation held
and the current plan picked as at the period's end by DISTINCT ON (the engine picks
them with correlated ORDER BY ... LIMIT 1 subqueries). Used by bench/indicators.py
--practice."""

# ruff: noqa: S608 - constant text; the dates are parameters

BLANK = "({c} IS NULL OR {c} ~ '^\\s*$')"
RISK_GAP = " OR ".join(
    BLANK.format(c=f"r.{name}")
    for name in ("gain", "persons_view", "agreed_actions", "agreed_by")
)
CONTINGENCY = " OR ".join(
    f"NOT {BLANK.format(c=f'cp.{name}')}"
    for name in (
        "if_support_cannot_come",
        "if_unwell",
        "out_of_hours",
        "other_contingency",
    )
)
SMART = "o.smart_specific AND o.smart_measurable AND o.smart_time_bound AND o.smart_achievable"

PRACTICE_SQL = f"""
WITH cohort AS (
  SELECT p.id FROM people_person p
  WHERE p.status <> 'merged' AND EXISTS (
    SELECT 1 FROM conversations_conversation c
    WHERE c.person_id = p.id AND c.state = 'agreed'
      AND c.agreed_on BETWEEN %(start)s AND %(end)s)
), conv AS (
  SELECT DISTINCT ON (c.person_id) c.person_id, c.id
  FROM conversations_conversation c JOIN cohort ON cohort.id = c.person_id
  WHERE c.conversation_date <= %(end)s
  ORDER BY c.person_id, c.conversation_date DESC, c.id
), plan_at AS (
  SELECT s.*, CASE
      WHEN s.agreed_on > %(end)s THEN 'draft'
      WHEN s.state = 'replaced' AND EXISTS (
        SELECT 1 FROM plans_supportplan r
        WHERE r.replaces_id = s.id AND r.agreed_on > %(end)s) THEN 'agreed'
      ELSE s.state END AS state_at
  FROM plans_supportplan s JOIN cohort ON cohort.id = s.person_id
  WHERE s.started_on <= %(end)s
), cp AS (
  SELECT DISTINCT ON (person_id) * FROM plan_at
  ORDER BY person_id,
    CASE state_at WHEN 'agreed' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END,
    agreed_on DESC NULLS LAST, started_on DESC, id DESC
)
SELECT count(*),
  count(*) FILTER (WHERE
    EXISTS (SELECT 1 FROM conversations_personaloutcome o
            WHERE o.conversation_id = conv.id AND o.wording_kind = 'outcome')
    AND NOT EXISTS (SELECT 1 FROM conversations_personaloutcome o
            WHERE o.conversation_id = conv.id AND o.wording_kind <> 'outcome')),
  count(*) FILTER (WHERE EXISTS (
    SELECT 1 FROM conversations_strength s WHERE s.conversation_id = conv.id)),
  count(*) FILTER (WHERE
    EXISTS (SELECT 1 FROM conversations_riskenablement r
            WHERE r.conversation_id = conv.id)
    AND NOT EXISTS (SELECT 1 FROM conversations_riskenablement r
            WHERE r.conversation_id = conv.id AND ({RISK_GAP}))),
  count(*) FILTER (WHERE
    EXISTS (SELECT 1 FROM plans_planoutcome o WHERE o.plan_id = cp.id)
    AND NOT EXISTS (SELECT 1 FROM plans_planoutcome o
            WHERE o.plan_id = cp.id AND NOT ({SMART}))),
  count(*) FILTER (WHERE {CONTINGENCY}),
  count(*) FILTER (WHERE EXISTS (
    SELECT 1 FROM plans_support u WHERE u.plan_id = cp.id
      AND u.provided_by IN ('self', 'family', 'community')))
FROM cohort
LEFT JOIN conv ON conv.person_id = cohort.id
LEFT JOIN cp ON cp.person_id = cohort.id
"""
