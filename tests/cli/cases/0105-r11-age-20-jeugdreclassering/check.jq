.eligible == true and forms == [10] and .framework == "compulsory"
