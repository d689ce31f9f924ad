.kvk == null and .quality == "" and .status == "under_investigation" and .demo == true and .version == 1
