(map(select(.username | endswith(".amersfoort"))) | map([.username, .organisation_kind, .role_fits])) ==
  [["consulent.amersfoort", "local_team", true], ["huisarts.amersfoort", "gp_practice", true],
   ["jeugdbescherming.amersfoort", "gi", true], ["aanbieder.amersfoort", "provider", true],
   ["contractbeheer.amersfoort", "regional_office", true], ["beleid.amersfoort", "regional_office", true]]
and (map(select(.username == "beleid" or .username == "beleid.amersfoort")) | map(.organisation_id) | .[0] != .[1])
and (map(select(.username == "consulent" or .username == "consulent.amersfoort")) | map(.organisation_id) | .[0] != .[1])
