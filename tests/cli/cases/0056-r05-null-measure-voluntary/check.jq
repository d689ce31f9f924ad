.framework == "voluntary" and (forms | index([10])) == null
