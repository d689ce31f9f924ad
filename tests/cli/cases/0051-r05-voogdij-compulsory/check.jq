.framework == "compulsory" and (forms | index([10])) != null and (option(10).allowed_referrers | index(["04"])) != null and option(10).jz020 == "48"
