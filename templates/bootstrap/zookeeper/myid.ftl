[=myId]
