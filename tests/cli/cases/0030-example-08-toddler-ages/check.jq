.age == 2 and ([.options[] | select(.kind == "social_base") | .id] as $ids
 | ($ids | length) > 0 and ($ids | index(["jongerenwerk"])) == null and ($ids | index(["school"])) == null
   and (($ids | index(["vve"])) != null or ($ids | index(["kinderopvang"])) != null)) and whys_ok
