.age == 17 and ([.options[] | select(.kind == "social_base" or .kind == "no_referral") | .id] as $ids
 | ($ids | length) > 0 and ($ids | index(["kinderopvang"])) == null and ($ids | index(["vve"])) == null)
