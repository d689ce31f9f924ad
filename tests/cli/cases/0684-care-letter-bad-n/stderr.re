veld n
