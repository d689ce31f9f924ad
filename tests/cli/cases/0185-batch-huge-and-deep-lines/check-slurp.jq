length == 4 and (.[0] | has("options")) and (.[1] | has("error")) and (.[2] | has("error")) and .[3].id == "4" and (.[3] | has("options"))
