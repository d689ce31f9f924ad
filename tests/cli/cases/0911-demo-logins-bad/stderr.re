veld logins: verwacht ja
