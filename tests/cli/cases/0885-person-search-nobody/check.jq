.count == 0 and .results == [] and .more == false
