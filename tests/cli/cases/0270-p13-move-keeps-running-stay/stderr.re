let op: verhuisd naar Enschede
