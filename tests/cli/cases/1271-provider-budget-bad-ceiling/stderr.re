veld ceiling: 
