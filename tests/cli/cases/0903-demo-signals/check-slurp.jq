[.[] | .code] as $c
| ($c | index("hopping")) != null and ($c | index("waiting")) != null
  and ($c | index("multi_agency")) != null
  and all(.[]; (.why | type) == "string" and (.subject | has("municipality") or has("entry_id")))
