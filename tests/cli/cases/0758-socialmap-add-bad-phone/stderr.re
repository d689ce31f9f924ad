veld phone
