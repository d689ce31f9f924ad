# Helpers for the check.jq programs of tests/cli/cases (run.sh puts them in front of each program).
def yc: [.options[] | select(.kind == "youth_care")];       # the youth-care options, in order
def forms: [yc[] | .form];                                   # their forms
def kinds: [.options[] | .kind];
def codes: [.signals[] | .code];                             # the signal codes
def signal($c): [.signals[] | select(.code == $c)][0];
def option($f): [yc[] | select(.form == $f)][0];             # the youth-care option of form $f
def has_req($r): (.requires // []) | index([$r]) != null;
def whys_ok: all(.options[]; (.why | type) == "string" and (.why | test("regel")));
def no_06: all(yc[]; (.allowed_referrers | index(["06"])) == null);
# rule 10: every out-of-home or secure form comes after an ambulant youth-care form >= 3
def home_first: .options as $o
  | all(range(0; $o | length);
        . as $i
        | ($o[$i].kind == "youth_care" and ($o[$i].setting == "out-of-home" or $o[$i].setting == "secure")) as $stay
        | ($stay | not) or any($o[0:$i][]; .kind == "youth_care" and .setting == "ambulant" and .form >= 3));
# principle 8: rule 10 for every stay but secure care under the judge's authorisation, which comes first
def home_first_but_secure: .options as $o
  | all(range(0; $o | length);
        . as $i
        | ($o[$i].kind == "youth_care" and ($o[$i].setting == "out-of-home" or ($o[$i].setting == "secure" and $i > 0))) as $stay
        | ($stay | not) or any($o[0:$i][]; .kind == "youth_care" and .setting == "ambulant" and .form >= 3));
